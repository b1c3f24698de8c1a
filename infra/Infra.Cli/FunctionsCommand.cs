using Pipelines.Declarations.Functions;

namespace Infra.Cli;

/// <summary><c>functions</c> and <c>function-archives</c>: what packaging reads of the functions' contracts and sources.</summary>
public static class FunctionsCommand
{
    public static readonly Command Functions = new(new CommandUsage("functions", "dataplatform functions",
        "print lambdas/Functions.props, the functions' archive names from their contracts"), (args, host) =>
    {
        CommandLine.RequireNoArguments(args);
        host.Out.Write(FunctionContracts.MsBuildProps());
        return 0;
    });

    /// <summary>One line per function for packaging: archive name, project, state against its sources, source fingerprint.</summary>
    public static readonly Command Archives = new(new CommandUsage("function-archives", "dataplatform function-archives",
        "per function: archive, project, current|stale|unstamped|unreadable|missing, source fingerprint (for ./lambdas/package)"), (args, host) =>
    {
        CommandLine.RequireNoArguments(args);
        var root = ProjectRoot.Find(host.WorkingDirectory);
        foreach (var function in FunctionContracts.All)
        {
            var state = FunctionSources.State(function, root).ToString().ToLowerInvariant();
            host.Out.WriteLine($"{function.Artifact} {function.Project} {state} {FunctionSources.Fingerprint(function, root)}");
        }
        return 0;
    });
}
