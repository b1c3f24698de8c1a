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
    public const string Usage = "dataplatform access [--stack NAME] [--actor NAME]";

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
                default: throw new UsageError($"unexpected argument '{args[i]}' (usage: {Usage})");
            }
        }
        stack ??= CommandLine.DefaultStack;
        var settings = CommandLine.LoadSettings(stack, null, ProjectRoot.Find(host.WorkingDirectory), host.WorkingDirectory);
        var synthesis = PlatformProgram.Synthesize(settings);
        var actors = synthesis.Actors.Where(a => actor is null || a.Name == actor).ToList();
        if (actors.Count == 0)
        {
            throw new UsageError($"stack {stack} has no actor '{actor}': its actors are {string.Join(", ", synthesis.Actors.Select(a => $"'{a.Name}'"))}");
        }
        var report = AccessProof.Evaluate(synthesis.Program, actors);
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
}
