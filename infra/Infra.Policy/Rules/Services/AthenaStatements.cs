using System.Text;
using System.Text.RegularExpressions;
using Infra.Model.Resources;
using Infra.Model.Values;

namespace Infra.Policy.Rules.Services;

/// <summary>One SQL statement the program sends to Athena, and the workgroup it runs in.</summary>
/// <param name="Resource">The state machine or named query that sends it.</param>
/// <param name="Sql">The statement; a <c>States.Format</c> template's holes read as <see cref="AthenaStatements.Placeholder"/>.</param>
/// <param name="Workgroup">The workgroup resource it runs in, when the program names one of its own.</param>
public sealed record AthenaStatement(string Resource, string Sql, Resource? Workgroup)
{
    /// <summary>What the statement does: <c>CREATE TABLE</c>, <c>CREATE VIEW</c>, <c>MERGE</c>, <c>INSERT</c>, <c>UPDATE</c>, <c>DELETE</c>, <c>DROP</c> or <c>SELECT</c>.</summary>
    public string Verb => AthenaStatements.VerbOf(Sql);

    /// <summary>The relation the statement writes, as written (<c>db.table</c>, <c>"catalog".ns.table</c>), or null for a query.</summary>
    public string? Target => AthenaStatements.TargetOf(Sql);

    /// <summary>Whether it writes a table of an S3 table bucket (Athena reaches those through the <c>s3tablescatalog</c> catalog).</summary>
    public bool TargetsS3Tables => Target?.TrimStart('"').StartsWith("s3tablescatalog/", StringComparison.Ordinal) == true;
}

/// <summary>Reads every Athena statement of a program: state machine tasks (literal or <c>States.Format</c>) and named queries.</summary>
public static partial class AthenaStatements
{
    public const string Placeholder = "x0";

    public const string StartQueryExecution = "arn:aws:states:::athena:startQueryExecution";

    public static IEnumerable<AthenaStatement> Of(ProgramView program)
    {
        foreach (var machine in program.OfType("aws:sfn:StateMachine"))
        {
            if (ProgramView.Input(machine, "definition") is not BuiltIn { Function: "toJSON", Argument: MapValue definition })
            {
                continue;
            }
            foreach (var (_, task) in StateMachineTasks.Of(definition))
            {
                if (!task.TryGet("Resource", out var resource) || resource is not Text { Content: var arn } || !arn.StartsWith(StartQueryExecution, StringComparison.Ordinal)
                    || !task.TryGet("Parameters", out var parameters) || parameters is not MapValue map)
                {
                    continue;
                }
                var sql = map.TryGet("QueryString", out var literal) && literal is Text text ? text.Content
                    : map.TryGet("QueryString.$", out var format) && format is Text intrinsic ? FromFormat(intrinsic.Content)
                    : null;
                if (sql is not null)
                {
                    yield return new AthenaStatement(machine.Name, sql, Workgroup(program, map.TryGet("WorkGroup", out var workgroup) ? workgroup : null));
                }
            }
        }
        foreach (var query in program.OfType("aws:athena:NamedQuery"))
        {
            if (ProgramView.Text(query, "query") is { } sql)
            {
                yield return new AthenaStatement(query.Name, sql, Workgroup(program, ProgramView.Input(query, "workgroup")));
            }
        }
    }

    /// <summary>The text of a <c>States.Format('…', …)</c> template, unescaped, each hole read as <see cref="Placeholder"/>.</summary>
    public static string? FromFormat(string intrinsic)
    {
        const string Start = "States.Format('";
        if (!intrinsic.StartsWith(Start, StringComparison.Ordinal))
        {
            return null;
        }
        var text = new StringBuilder();
        for (var i = Start.Length; i < intrinsic.Length; i++)
        {
            var c = intrinsic[i];
            if (c == '\\' && i + 1 < intrinsic.Length)
            {
                text.Append(intrinsic[++i]);
            }
            else if (c == '\'')
            {
                return text.ToString();
            }
            else if (c == '{' && i + 1 < intrinsic.Length && intrinsic[i + 1] == '}')
            {
                text.Append(Placeholder);
                i++;
            }
            else
            {
                text.Append(c);
            }
        }
        return null;
    }

    public static string VerbOf(string sql)
    {
        var words = Words().Matches(sql).Select(m => m.Value.ToUpperInvariant()).Take(6).ToList();
        return words switch
        {
            ["CREATE", "TABLE", ..] => "CREATE TABLE",
            ["CREATE", "OR", "REPLACE", "VIEW", ..] or ["CREATE", "VIEW", ..] => "CREATE VIEW",
            ["MERGE", ..] => "MERGE",
            ["INSERT", ..] => "INSERT",
            ["UPDATE", ..] => "UPDATE",
            ["DELETE", ..] => "DELETE",
            ["DROP", ..] => "DROP",
            ["ALTER", ..] => "ALTER",
            _ => "SELECT",
        };
    }

    public static string? TargetOf(string sql) => Target().Match(sql) is { Success: true } match ? match.Groups["target"].Value : null;

    private static Resource? Workgroup(ProgramView program, Value? name) =>
        name is Reference reference ? program.Resources.FirstOrDefault(r => r.Name == reference.Root && r.Type == "aws:athena:Workgroup") : null;

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\s*(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW)|MERGE\s+INTO|INSERT\s+INTO|UPDATE|DELETE\s+FROM|DROP\s+(?:TABLE|VIEW)(?:\s+IF\s+EXISTS)?|ALTER\s+TABLE)\s+(?<target>(?:""[^""]+""|[A-Za-z0-9_]+)(?:\.(?:""[^""]+""|[A-Za-z0-9_]+))*)", RegexOptions.IgnoreCase)]
    private static partial Regex Target();
}
