namespace Infra.Cli;

/// <summary>One command's usage: how it is called and what it does. <c>dataplatform COMMAND --help</c> prints it.</summary>
/// <param name="Command">The words that name it (<c>local run</c>); empty for the compiler mode.</param>
/// <param name="Repeatable">Options that may be given more than once.</param>
public sealed record CommandUsage(string Command, string Synopsis, string Description, params string[] Repeatable)
{
    public static readonly IReadOnlyList<CommandUsage> All =
    [
        new("", "dataplatform", "compiler mode for Pulumi: reads PULUMI_STACK, PULUMI_PROJECT, PULUMI_CONFIG"),
        new("local run", "dataplatform local run [--course N | --stack dev] [--seed N] [--scale X] [--bad-row-rate R] [--with-servers] [--emulator] [--inject-faults] [--output text|json]",
            "run a course's pipeline on this machine, no AWS account (default: course 3)"),
        new("local clean", "dataplatform local clean [--course N | --stack dev]", "remove a stack's local state (.local/STACK)"),
        new("synth", "dataplatform synth [--stack NAME] [--config FILE]", "print the stack's Pulumi YAML program"),
        new("preview", "dataplatform preview [--stack NAME] [--config FILE]", "print an offline plan: resources by component, counts, outputs"),
        new("policy", "dataplatform policy [--stack NAME]", "check stacks (default: all) against the security policy pack; findings name rule, resource and fix"),
        new("access", "dataplatform access [--stack NAME] [--actor NAME]", "who may do what: each actor's declared calls, allowed or denied (layer and reason), and unused permissions"),
        new("cost", "dataplatform cost [--stack NAME]", "what the stack costs idle and by use, at the assumed unit prices (offline)"),
        new("diagram", "dataplatform diagram [--stack NAME] [--format mermaid|dot|svg] [--out DIR]",
            "the stack's data flow, derived from its synthesized program; --out writes DIR/NAME.mmd and .svg (SVG needs graphviz)"),
        new("fingerprint", "dataplatform fingerprint", "every stack's fingerprint (its program and its functions' sources) as JSON"),
        new("changed-stacks", "dataplatform changed-stacks --base FILE", "the stacks whose fingerprint differs from FILE's, as a JSON array (CI previews those)"),
        new("docs", "dataplatform docs", "rewrite docs/diagrams and the course guides' generated blocks (diagram, cost) from the stacks"),
        new("summary", "dataplatform summary [--stack NAME]", "print the stack's summary (stacks/summaries/NAME.md): components and resources by type"),
        new("typecheck", "dataplatform typecheck [--stack NAME]...", "type-check stacks (default: all) against Pulumi's npm SDK typings", "--stack"),
        new("generate", "dataplatform generate [--seed N] [--scale X] [--bad-row-rate R] [--out DIR] [--format ndjson,csv,mysql,postgresql]",
            "write the course data (default: seed 42, scale 1, rate 0.01, ./course-data)"),
        new("produce", "dataplatform produce --stream NAME [--dataset web_sessions|order_events] [--region R] [--endpoint URL] [--seed N] [--scale X]",
            "put generated events on a deployed stream (PutRecords, failed records retried)"),
        new("replay", "dataplatform replay --queue-url URL --function NAME [--region R] [--max N]",
            "re-drive a stream function's failed batches from its on-failure queue (docs/runbooks/replay.md)"),
        new("functions", "dataplatform functions", "print lambdas/Functions.props, the functions' archive names from their contracts"),
        new("function-archives", "dataplatform function-archives",
            "per function: archive, project, current|stale|unstamped|unreadable|missing, source fingerprint (for ./lambdas/package)"),
    ];

    public const string Footer = "NAME defaults to dev; FILE defaults to stacks/Pulumi.NAME.yaml in the project. COMMAND --help prints one command's usage.";

    /// <summary>Every command's usage, as <c>--help</c> prints it.</summary>
    public static string Everything =>
        "usage:\n" + string.Concat(All.Select(usage => usage.Text)) + Footer + "\n";

    public string Text => $"  {Synopsis}\n      {Description}\n";

    /// <summary>The command the arguments call (the longest name they start with), or null.</summary>
    public static CommandUsage? Of(IReadOnlyList<string> args) =>
        All.Where(usage => usage.Command.Length > 0).OrderByDescending(usage => usage.Command.Length)
            .FirstOrDefault(usage => usage.Command.Split(' ') is var words && words.Length <= args.Count && words.Select((word, i) => args[i] == word).All(same => same));

    /// <summary>The known command closest to a mistyped one, if any is close (at most a quarter of its letters differ).</summary>
    public static string? Suggestion(string typed) =>
        Closest(typed, All.Select(usage => usage.Command.Split(' ')[0]).Where(name => name.Length > 0).Distinct());

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
