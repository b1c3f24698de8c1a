using Infra.Model.Yaml;
using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary><c>synth</c> and <c>preview</c>: a stack's program, or its offline plan, from its config file — for people and CI without the Pulumi CLI.</summary>
public static class SynthCommand
{
    public static readonly Command Synth = new(new CommandUsage("synth", "dataplatform synth [--stack NAME] [--config FILE]", "print the stack's Pulumi YAML program"),
        (args, host) => Run(args, host, preview: false));

    public static readonly Command Preview = new(new CommandUsage("preview", "dataplatform preview [--stack NAME] [--config FILE]", "print an offline plan: resources by component, counts, outputs"),
        (args, host) => Run(args, host, preview: true));

    private static int Run(string[] args, IHost host, bool preview)
    {
        string? stack = null;
        string? configFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stack": stack = CommandLine.OptionValue(args, ref i); break;
                case "--config": configFile = CommandLine.OptionValue(args, ref i); break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        stack ??= CommandLine.DefaultStack;
        var root = ProjectRoot.Find(host.WorkingDirectory);
        var settings = CommandLine.LoadSettings(stack, configFile, root, host.WorkingDirectory);
        var program = PlatformProgram.Build(settings);
        if (preview)
        {
            foreach (var problem in ArtifactCheck.Problems(program, root))
            {
                host.Error.WriteLine($"note: {problem} before `pulumi up`");
            }
            host.Out.Write(PlanPrinter.Print(settings, program));
        }
        else
        {
            CompileCommand.RequireArtifacts(program, root);
            host.Out.Write(ProgramWriter.Write(program));
        }
        return 0;
    }
}
