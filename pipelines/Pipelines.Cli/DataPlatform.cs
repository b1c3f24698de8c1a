using Infra.Cli;

namespace Pipelines.Cli;

/// <summary>The command line a person uses (<c>infra/dataplatform COMMAND</c>): every command, on the rules of <see cref="CommandLine"/>.</summary>
public static class DataPlatform
{
    public static int Run(string[] args, IHost host) => CommandLine.Run(args, host, ToolCommands.All);
}
