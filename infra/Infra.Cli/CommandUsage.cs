namespace Infra.Cli;

/// <summary>One command's usage: how it is called and what it does. <c>dataplatform COMMAND --help</c> prints it.</summary>
/// <param name="Command">The words that name it (<c>local run</c>); empty for the compiler mode.</param>
/// <param name="Repeatable">Options that may be given more than once.</param>
public sealed record CommandUsage(string Command, string Synopsis, string Description, params string[] Repeatable)
{
    /// <summary>Every usage: the compiler mode's, then each command's as its own file declares it.</summary>
    public static IReadOnlyList<CommandUsage> All(IReadOnlyList<Command> commands) => [CompileCommand.Usage, .. commands.SelectMany(command => command.Usages)];

    public const string Footer = "NAME defaults to dev; FILE defaults to stacks/Pulumi.NAME.yaml in the project. COMMAND --help prints one command's usage.";

    /// <summary>Every command's usage, as <c>--help</c> prints it.</summary>
    public static string Everything(IReadOnlyList<Command> commands) =>
        "usage:\n" + string.Concat(All(commands).Select(usage => usage.Text)) + Footer + "\n";

    public string Text => $"  {Synopsis}\n      {Description}\n";

    /// <summary>The command the arguments call (the longest name they start with), or null.</summary>
    public static CommandUsage? Of(IReadOnlyList<string> args, IReadOnlyList<Command> commands) =>
        All(commands).Where(usage => usage.Command.Length > 0).OrderByDescending(usage => usage.Command.Length)
            .FirstOrDefault(usage => usage.Command.Split(' ') is var words && words.Length <= args.Count && words.Select((word, i) => args[i] == word).All(same => same));

    /// <summary>The known command closest to a mistyped one, if any is close (at most a quarter of its letters differ).</summary>
    public static string? Suggestion(string typed, IReadOnlyList<Command> commands) =>
        Closest(typed, All(commands).Select(usage => usage.Command.Split(' ')[0]).Where(name => name.Length > 0).Distinct());

    /// <summary>Of <paramref name="names"/>, the one closest to <paramref name="typed"/> if it is close (at most a quarter of its letters differ).</summary>
    public static string? Closest(string typed, IEnumerable<string> names) =>
        names.Select(name => (Name: name, Distance: Distance(typed, name)))
            .Where(candidate => candidate.Distance <= Math.Max(1, candidate.Name.Length / 4))
            .OrderBy(candidate => candidate.Distance).Select(candidate => candidate.Name).FirstOrDefault();

    /// <summary>Edits from one word to the other: a letter added, dropped, changed, or two neighbours swapped.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
