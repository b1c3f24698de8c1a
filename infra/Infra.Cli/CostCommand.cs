using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary><c>cost</c>: what a stack costs idle and by use, at the assumed unit prices, offline.</summary>
public static class CostCommand
{
    public static readonly Command Definition = new(new CommandUsage("cost", "dataplatform cost [--stack NAME]",
        "what the stack costs idle and by use, at the assumed unit prices (offline)"), Run);

    private static int Run(string[] args, IHost host)
    {
        var stack = CommandLine.OptionalStack(args) ?? CommandLine.DefaultStack;
        var settings = CommandLine.LoadSettings(stack, null, ProjectRoot.Find(host.WorkingDirectory), host.WorkingDirectory);
        host.Out.Write(Cost.CostEstimate.Print(stack, Cost.CostEstimate.Lines(PlatformProgram.Build(settings))));
        return 0;
    }
}
