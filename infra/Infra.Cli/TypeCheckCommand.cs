using Infra.Platform.Profiles;
using Infra.TypeCheck;

namespace Infra.Cli;

/// <summary><c>dataplatform typecheck</c>: checks stacks against Pulumi's SDK typings, no CLI or cloud needed.</summary>
public static class TypeCheckCommand
{
    public static readonly Command Definition = new(new CommandUsage("typecheck", "dataplatform typecheck [--stack NAME]...",
        "type-check stacks (default: all) against Pulumi's npm SDK typings", "--stack"), Run);

    /// <summary>Where the npm projects with the SDK typings and the compiler live, relative to the project root.</summary>
    public const string ToolsDirectory = "tests/typecheck";

    public static int Run(string[] args, IHost host)
    {
        var stacks = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--stack")
            {
                stacks.Add(CommandLine.OptionValue(args, ref i));
            }
            else
            {
                throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        if (stacks.Count == 0)
        {
            stacks.AddRange(StackProfiles.All.Select(profile => profile.Stack));
        }
        var root = ProjectRoot.Find(host.WorkingDirectory);
        var programs = stacks.Select(stack => (stack, PlatformProgram.Build(CommandLine.LoadSettings(stack, null, root, host.WorkingDirectory))));
        TypeCheckResult result;
        try
        {
            result = new TypeChecker(Path.Combine(root, ToolsDirectory)).Check(programs);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            host.Error.WriteLine($"error: the type check could not run: {e.Message}");
            return 1;
        }
        (result.Passed ? host.Out : host.Error).WriteLine(result.Report());
        return result.Passed ? 0 : 1;
    }
}
