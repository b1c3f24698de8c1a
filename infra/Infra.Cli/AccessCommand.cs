using Infra.Platform.Profiles;
using Infra.Policy.Access;

namespace Infra.Cli;

/// <summary>
/// <c>dataplatform access [--stack NAME] [--actor NAME]</c>: who may do what in a stack — each actor's declared
/// calls, allowed or denied (by which layer and why), from the access proof; then the permissions no declared
/// call uses. Exits 1 when a call is denied.
/// </summary>
public static class AccessCommand
{
    public static readonly Command Definition = new(new CommandUsage("access", "dataplatform access [--stack NAME] [--actor NAME]",
        "who may do what: each actor's declared calls, allowed or denied (layer and reason), and unused permissions"), Run);

    public static int Run(string[] args, IHost host)
    {
        string? stack = null;
        string? actor = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stack": stack = CommandLine.OptionValue(args, ref i); break;
                case "--actor": actor = CommandLine.OptionValue(args, ref i); break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        stack ??= CommandLine.DefaultStack;
        var root = ProjectRoot.Find(host.WorkingDirectory);
        var settings = CommandLine.LoadSettings(stack, null, root, host.WorkingDirectory);
        var synthesis = PlatformProgram.Synthesize(settings);
        var actors = synthesis.Actors.Where(a => actor is null || a.Name == actor).ToList();
        if (actors.Count == 0)
        {
            throw new UsageError($"stack {stack} has no actor '{actor}': its actors are {string.Join(", ", synthesis.Actors.Select(a => $"'{a.Name}'"))}");
        }
        var report = AccessProof.Evaluate(synthesis.Program, actors, AccountWideProgram(settings, root, host));
        foreach (var decision in report.Decisions)
        {
            host.Out.WriteLine($"{decision.Actor.Name}\t{decision.Call.Describe()}\t{(decision.Allowed ? "allowed" : "DENIED")}");
            foreach (var denial in decision.Denials)
            {
                host.Out.WriteLine($"\t  {denial}");
            }
        }
        foreach (var unused in report.Unused)
        {
            host.Out.WriteLine($"unused\t{unused}");
        }
        var denied = report.Decisions.Count(d => !d.Allowed);
        host.Out.WriteLine($"{stack}: {report.Decisions.Count} call(s) of {actors.Count} actor(s), {denied} denied, {report.Unused.Count} permission(s) no declared call uses");
        return denied == 0 ? 0 : 1;
    }

    /// <summary>The account stack's program the stack deploys beside (from its config file), or null for the account stack itself.</summary>
    private static Infra.Model.PulumiProgram? AccountWideProgram(Infra.Platform.Configuration.StackSettings settings, string root, IHost host)
    {
        if (settings.Profile.AccountWide is not null)
        {
            return null;
        }
        var account = CommandLine.LoadSettings(Infra.Platform.Components.Account.AccountWide.Stack, null, root, host.WorkingDirectory);
        if (account.Region != settings.Region)
        {
            throw new UsageError($"stack {settings.Stack} deploys to {settings.Region} but the account stack's config says {account.Region}: "
                + "the account's settings are per region, so the proof needs the account stack of the same region");
        }
        return PlatformProgram.Build(account);
    }
}
