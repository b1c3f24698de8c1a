using Infra.Model;
using Infra.Platform.Configuration;
using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary>
/// The command line's entry point: no arguments is Pulumi's compiler (<see cref="CompileCommand"/>), else the named
/// command (<see cref="Commands"/>, each in its own file with its usage). Here too: the exit codes, and the rules every
/// command reads its arguments by.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code of a call the command line cannot run as given (unknown command, option or value).</summary>
    public const int UsageExit = 2;

    /// <summary>Exit code of a command that ran and failed (bad config, an unreachable service, findings).</summary>
    public const int FailureExit = 1;

    /// <summary>The stack synth and preview use when none is named: the cheap, destroyable environment.</summary>
    public const string DefaultStack = "dev";

    /// <summary>Runs the command <paramref name="args"/> name, of <paramref name="commands"/> (by default the infrastructure's).</summary>
    public static int Run(string[] args, IHost host, IReadOnlyList<Command>? commands = null)
    {
        commands ??= Commands.Infrastructure;
        var usage = CommandUsage.Of(args, commands);
        try
        {
            if (usage is not null && args.Skip(usage.Command.Split(' ').Length).Any(arg => arg is "--help" or "-h"))
            {
                host.Out.Write("usage:\n" + usage.Text);
                return 0;
            }
            RefuseRepeatedOptions(args, usage);
            return args switch
            {
                [] => CompileCommand.Run(host, CommandUsage.Everything(commands)),
                ["--help" or "-h" or "help"] => Help(host, commands),
                [var name, .. var rest] => (commands.FirstOrDefault(command => command.Name == name) ?? throw new UsageError($"unknown command '{name}'" +
                    (CommandUsage.Suggestion(name, commands) is { } near ? $": did you mean '{near}'?" : ": run `dataplatform --help` for the commands"))).Run(rest, host),
            };
        }
        catch (UsageError e)
        {
            host.Error.WriteLine($"error: {e.Message}{OptionSuggestion(e.Message, usage)}");
            if (usage is not null)
            {
                host.Error.WriteLine($"usage: {usage.Synopsis}   (dataplatform {usage.Command} --help)");
            }
            return UsageExit;
        }
        catch (OperationCanceledException)
        {
            host.Error.WriteLine("stopped");
            return 130;
        }
        catch (Exception e)
        {
            // A person reads this, not a debugger: the problem in one line, never a stack trace.
            host.Error.WriteLine($"error: {OneLine(e)}");
            return FailureExit;
        }
    }

    /// <summary>For an unknown option, the command's option closest to it.</summary>
    private static string OptionSuggestion(string message, CommandUsage? usage)
    {
        var typed = System.Text.RegularExpressions.Regex.Match(message, "^unexpected argument '(--[^' ]+)");
        if (!typed.Success || usage is null)
        {
            return "";
        }
        var options = System.Text.RegularExpressions.Regex.Matches(usage.Synopsis, "--[a-z-]+").Select(m => m.Value).Distinct();
        return CommandUsage.Closest(typed.Groups[1].Value, options) is { } near ? $": did you mean {near}?" : "";
    }

    /// <summary>What went wrong, in one line: the exception's message, and its cause's where it adds to it.</summary>
    private static string OneLine(Exception e)
    {
        var message = e.Message;
        if (e is not (ConfigError or SynthesisException) && e.InnerException is { Message: var inner } && !message.Contains(inner, StringComparison.Ordinal))
        {
            message += $" ({inner})";
        }
        return string.Join(' ', message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>An option given twice is refused, unless the command repeats it by design (e.g. typecheck's --stack).</summary>
    private static void RefuseRepeatedOptions(string[] args, CommandUsage? usage)
    {
        var repeated = args.Where(arg => arg.StartsWith("--", StringComparison.Ordinal)).GroupBy(arg => arg)
            .FirstOrDefault(group => group.Count() > 1 && !(usage?.Repeatable.Contains(group.Key) ?? false));
        if (repeated is not null)
        {
            throw new UsageError($"{repeated.Key} is given {repeated.Count()} times: give it once");
        }
    }

    private static int Help(IHost host, IReadOnlyList<Command> commands)
    {
        host.Out.WriteLine(CommandUsage.Everything(commands));
        return 0;
    }

    /// <summary>For commands whose only argument is an optional <c>--stack NAME</c>: the name, or null without it.</summary>
    public static string? OptionalStack(string[] args)
    {
        if (args is ["--stack", ..])
        {
            var index = 0;
            var name = OptionValue(args, ref index);
            RequireNoArguments(args[2..]);
            return name;
        }
        RequireNoArguments(args);
        return null;
    }

    /// <summary>For commands that take no arguments: any given is a usage error that names it.</summary>
    public static void RequireNoArguments(string[] args)
    {
        if (args.Length > 0)
        {
            throw new UsageError($"unexpected argument '{string.Join(' ', args)}'");
        }
    }

    /// <summary>The value after an option such as <c>--stack</c>; a missing one is a usage error that says so.</summary>
    public static string OptionValue(string[] args, ref int index)
    {
        var option = args[index];
        if (index + 1 >= args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageError($"{option} needs a value, e.g. {option} {(option == "--stack" ? DefaultStack : "FILE")}");
        }
        return args[++index];
    }

    /// <summary>The number after an option such as <c>--scale</c>; anything else is a usage error that says so.</summary>
    public static T NumberValue<T>(string[] args, ref int index) where T : IParsable<T>
    {
        var option = args[index];
        var text = OptionValue(args, ref index);
        return T.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageError($"{option} needs a number, not '{text}'");
    }

    /// <summary>Reads and validates a stack's settings file; <paramref name="configFile"/> defaults to the project's.</summary>
    public static StackSettings LoadSettings(string stack, string? configFile, string projectRoot, string workingDirectory)
    {
        if (StackProfiles.Find(stack) is null)
        {
            throw new ConfigError($"unknown stack '{stack}': known stacks are {StackProfiles.KnownNames}");
        }
        configFile ??= Path.Combine(projectRoot, ProjectRoot.StackConfigDirectory, $"Pulumi.{stack}.yaml");
        var path = Path.GetFullPath(configFile, workingDirectory);
        return StackSettings.Resolve(stack, ConfigKeys.Project, PulumiEnvironment.DefaultOrganization, StackConfigFile.Read(path));
    }
}

public sealed class UsageError(string message) : Exception(message);
