namespace Infra.Cli;

/// <summary>
/// The infrastructure's commands, in the order <c>--help</c> lists them; each declared in its own file with its usage.
/// Pulumi's compiler knows these alone; the whole command line adds those that run data (see Pipelines.Cli).
/// </summary>
public static class Commands
{
    public static IReadOnlyList<Command> Infrastructure { get; } =
    [
        SynthCommand.Synth, SynthCommand.Preview, PolicyCommand.Definition, AccessCommand.Definition,
        CostCommand.Definition, DiagramCommand.Definition, FingerprintCommand.Fingerprint, FingerprintCommand.ChangedStacks,
        DocsCommand.Definition, SummaryCommand.Definition, TypeCheckCommand.Definition, FunctionsCommand.Functions, FunctionsCommand.Archives,
    ];
}
