namespace Infra.Cli;

/// <summary>Every command, in the order <c>--help</c> lists them; each declared in its own file with its usage.</summary>
public static class Commands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        LocalCommand.Definition, SynthCommand.Synth, SynthCommand.Preview, PolicyCommand.Definition, AccessCommand.Definition,
        CostCommand.Definition, DiagramCommand.Definition, FingerprintCommand.Fingerprint, FingerprintCommand.ChangedStacks,
        DocsCommand.Definition, SummaryCommand.Definition, TypeCheckCommand.Definition, GenerateCommand.Definition,
        ProduceCommand.Definition, ReplayCommand.Definition, FunctionsCommand.Functions, FunctionsCommand.Archives,
    ];

    public static Command? Find(string name) => All.FirstOrDefault(command => command.Name == name);
}
