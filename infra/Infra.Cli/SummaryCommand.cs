using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary><c>summary</c>: a stack's components and resources by type (what <c>stacks/summaries/NAME.md</c> holds).</summary>
public static class SummaryCommand
{
    public static readonly Command Definition = new(new CommandUsage("summary", "dataplatform summary [--stack NAME]",
        "print the stack's summary (stacks/summaries/NAME.md): components and resources by type"), Run);

    private static int Run(string[] args, IHost host)
    {
        var stack = CommandLine.OptionalStack(args) ?? CommandLine.DefaultStack;
        var settings = CommandLine.LoadSettings(stack, null, ProjectRoot.Find(host.WorkingDirectory), host.WorkingDirectory);
        host.Out.Write(StackSummary.Print(settings, PlatformProgram.Build(settings)));
        return 0;
    }
}
