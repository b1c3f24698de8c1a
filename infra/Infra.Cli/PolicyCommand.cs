using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary><c>policy</c>: stacks against the security policy pack; exit 1 on any finding not accepted with a reason.</summary>
public static class PolicyCommand
{
    public static readonly Command Definition = new(new CommandUsage("policy", "dataplatform policy [--stack NAME]",
        "check stacks (default: all) against the security policy pack; findings name rule, resource and fix"), Run);

    private static int Run(string[] args, IHost host)
    {
        var stacks = CommandLine.OptionalStack(args) is { } name ? [name] : StackProfiles.All.Select(p => p.Stack).ToArray();
        var root = ProjectRoot.Find(host.WorkingDirectory);
        var passed = true;
        foreach (var stack in stacks)
        {
            var settings = CommandLine.LoadSettings(stack, null, root, host.WorkingDirectory);
            var verdict = Infra.Policy.PolicyPack.Evaluate(PlatformProgram.Build(settings), stack, settings.Profile.RetainData);
            foreach (var finding in verdict.Findings)
            {
                host.Out.WriteLine($"{stack}: {finding}");
            }
            host.Out.WriteLine($"{stack}: {verdict.Findings.Count} finding(s), {verdict.Suppressed.Count} accepted with a reason, {Infra.Policy.PolicyPack.Rules.Count} rules");
            passed &= verdict.Passed;
        }
        return passed ? 0 : 1;
    }
}
