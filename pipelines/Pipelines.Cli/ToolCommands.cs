using Infra.Cli;

namespace Pipelines.Cli;

/// <summary>Every command of the whole command line, in the order <c>--help</c> lists them: the infrastructure's, and those that run data.</summary>
public static class ToolCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        LocalCommand.Definition, .. Commands.Infrastructure, GenerateCommand.Definition, ProduceCommand.Definition, ReplayCommand.Definition,
    ];
}
