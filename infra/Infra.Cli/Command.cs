namespace Infra.Cli;

/// <summary>A command: the word that calls it, its usage (one per subcommand), and what runs it with the words after its name.</summary>
public sealed record Command(string Name, IReadOnlyList<CommandUsage> Usages, Func<string[], IHost, int> Run)
{
    public Command(CommandUsage usage, Func<string[], IHost, int> run) : this(usage.Command.Split(' ')[0], [usage], run)
    {
    }
}
