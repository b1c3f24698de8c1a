using System.Text.Json;
using Infra.Cli;
using Pipelines.Local;

namespace Pipelines.Cli;

/// <summary>
/// <c>dataplatform local run|clean</c>: a course's pipeline (or every course, with <c>--stack dev</c>) on this
/// machine, no AWS account. State lives under <c>.local/{stack}/</c> in the project.
/// </summary>
public static class LocalCommand
{
    public static readonly Command Definition = new("local",
    [
        new CommandUsage("local run", "dataplatform local run [--course N | --stack dev] [--seed N] [--scale X] [--bad-row-rate R] [--with-servers] [--emulator] [--inject-faults] [--output text|json]",
            "run a course's pipeline on this machine, no AWS account (default: course 3)"),
        new CommandUsage("local clean", "dataplatform local clean [--course N | --stack dev]", "remove a stack's local state (.local/STACK)"),
    ], Run);

    public const string StateFolder = ".local";

    public static int Run(string[] args, IHost host)
    {
        if (args is not ["run" or "clean", ..])
        {
            throw new UsageError("local needs a subcommand: run or clean");
        }
        string? stack = null, output = null;
        var options = new LocalRunOptions("", "");
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--course" or "--stack" when stack is not null:
                    throw new UsageError($"{args[i]} and the stack chosen before it ({stack}) conflict: give --course N or --stack NAME, once");
                case "--course": stack = $"course{CommandLine.NumberValue<int>(args, ref i)}"; break;
                case "--stack": stack = CommandLine.OptionValue(args, ref i); break;
                case "--seed": options = options with { Seed = CommandLine.NumberValue<int>(args, ref i) }; break;
                case "--scale": options = options with { Scale = CommandLine.NumberValue<double>(args, ref i) }; break;
                case "--bad-row-rate": options = options with { BadRowRate = CommandLine.NumberValue<double>(args, ref i) }; break;
                case "--with-servers": options = options with { WithServers = true }; break;
                case "--emulator": options = options with { Host = FunctionHost.Emulator }; break;
                case "--inject-faults": options = options with { InjectFaults = true }; break;
                case "--output": output = CommandLine.OptionValue(args, ref i); break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        stack ??= "course3";
        DataSettings.Valid(new Pipelines.Generator.GeneratorSettings(Seed: options.Seed, Scale: options.Scale, BadRowRate: options.BadRowRate));
        if (output is not (null or "text" or "json"))
        {
            throw new UsageError($"--output must be text or json, not '{output}'");
        }
        try
        {
            LocalRunner.Courses(stack);
        }
        catch (ArgumentException e)
        {
            throw new UsageError(e.Message);
        }
        var root = ProjectRoot.Find(host.WorkingDirectory);
        options = options with { Stack = stack, StateRoot = Path.Combine(root, StateFolder), ProjectRoot = root };
        if (args[0] == "clean")
        {
            host.Out.WriteLine(LocalRunner.Clean(options, host.Error.WriteLine) ? $"removed {options.StackFolder}" : $"nothing to remove at {options.StackFolder}");
            return 0;
        }
        var json = output == "json";
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += stop;
        // A terminal closed or a service manager stopping the run ends it as Ctrl-C does: the servers it started are
        // stopped and their folders removed (the default would end the process with them still running).
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        using var hangUp = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, Stop);
        void Stop(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }
        try
        {
            RunReport report;
            if (!json && host.IsInteractive)
            {
                var table = LiveProgress.NewTable();
                report = Spectre.Console.AnsiConsole.Live(table).StartAsync(live => LocalRunner.RunAsync(options, new LiveProgress(table, live), cancel.Token)).GetAwaiter().GetResult();
            }
            else
            {
                report = LocalRunner.RunAsync(options, json ? new SilentProgress(host.Error) : new LineProgress(host.Out), cancel.Token).GetAwaiter().GetResult();
            }
            Print(report, json, host);
            return 0;
        }
        catch (LocalRunFailedException e)
        {
            // The report of what ran before the failure, in the form asked for; the failure as the last line on the error stream.
            Print(e.Report, json, host);
            host.Error.WriteLine($"error: the pipeline stopped: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            host.Error.WriteLine("stopped: the run was cancelled; servers it started are stopped");
            return 130;
        }
        catch (InvalidOperationException e)
        {
            host.Error.WriteLine($"error: the pipeline stopped: {e.Message}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }
    }

    /// <summary>Steps unshown (the report is printed as JSON at the end); notes go to the error stream.</summary>
    private static void Print(RunReport report, bool json, IHost host)
    {
        if (json)
        {
            host.Out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        }
        else
        {
            LocalReportPrinter.Print(report, host.Out);
        }
    }

    private sealed class SilentProgress(TextWriter notes) : IRunProgress
    {
        public void Started(string course, string step) { }

        public void Finished(StepReport step) { }

        public void Note(string message) => notes.WriteLine(message);
    }

    /// <summary>One line per finished step, with its time and counts: readable at a terminal and in a log.</summary>
    private sealed class LineProgress(TextWriter output) : IRunProgress
    {
        public void Started(string course, string step) { }

        public void Finished(StepReport step) =>
            output.WriteLine($"{step.Course,-8} {step.Step,-28} {step.Seconds,6:0.00} s  {step.Detail}");

        public void Note(string message) => output.WriteLine(message);

        public void Failed(string course, string step, string reason) => output.WriteLine($"{course,-8} {step,-28} FAILED  {reason}");
    }
}
