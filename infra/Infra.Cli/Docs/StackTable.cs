using Infra.Model;
using Infra.Model.Values;
using Infra.Platform.Profiles;
using static Infra.Policy.ProgramView;

namespace Infra.Cli.Docs;

/// <summary>The stacks at a glance, read from their synthesized programs: what each deploys of the parts that differ between them.</summary>
public static class StackTable
{
    public const string Block = "stacks";

    public static string Markdown(IEnumerable<(StackProfile Profile, PulumiProgram Program)> stacks) =>
        "| stack | environment | course | data | streams | source database | REST ingestion |\n"
        + "|-------|-------------|--------|------|---------|-----------------|----------------|\n"
        + string.Concat(stacks.Select(stack => Row(stack.Profile, stack.Program) + "\n"));

    private static string Row(StackProfile profile, PulumiProgram program)
    {
        var streams = program.Resources.Where(r => r.Type == "aws:kinesis:Stream").Select(Stream).ToList();
        var databases = program.Resources.Where(r => r.Type == "aws:rds:Instance").Select(Database).ToList();
        var rest = program.Resources.Any(r => r.Type == "aws:lambda:Function" && r.Name.Contains("rest-ingestion", StringComparison.Ordinal));
        return $"| {profile.Stack} | {profile.Environment} | {profile.Course} | {(profile.RetainData ? "protected and retained" : "destroyable")} "
            + $"| {Listed(streams)} | {Listed(databases)} | {(rest ? "yes" : "—")} |";
    }

    private static string Stream(Model.Resources.Resource stream)
    {
        var mode = Text(stream, "streamModeDetails.streamMode") == "ON_DEMAND" ? "on demand" : $"{(Input(stream, "shardCount") as Integer)?.Content} provisioned shards";
        var hours = (Input(stream, "retentionPeriod") as Integer)?.Content ?? 24;
        return $"{stream.Name} ({mode}, {(hours % 24 == 0 ? $"{hours / 24} d" : $"{hours} h")})";
    }

    private static string Database(Model.Resources.Resource instance)
    {
        var engine = Text(instance, "engine") switch { "postgres" => "PostgreSQL", "mysql" => "MySQL", var other => other };
        var extras = new List<string?>
        {
            Text(instance, "instanceClass"),
            IsTrue(instance, "multiAz") ? "multi-AZ" : null,
            IsTrue(instance, "deletionProtection") ? "deletion protection" : null,
        };
        return $"{engine} {Text(instance, "engineVersion")}, {string.Join(", ", extras.OfType<string>())}";
    }

    private static string Listed(IReadOnlyList<string> parts) => parts.Count == 0 ? "—" : string.Join("; ", parts);
}
