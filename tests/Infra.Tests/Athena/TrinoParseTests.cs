using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Platform.Profiles;
using Infra.Policy;
using Infra.Policy.Rules.Services;
using Infra.Tests.Support;

namespace Infra.Tests.Athena;

/// <summary>
/// Every statement a stack sends to Athena — the state machines' tasks (a States.Format template as Athena
/// receives it) and the named queries — parsed by a real Trino grammar (npm dt-sql-parser, tests/trino).
/// </summary>
public class TrinoParseTests
{
    private static IReadOnlyList<(string Name, string Sql)> Statements(string stack)
    {
        var settings = Stacks.Settings(stack);
        var view = new ProgramView(PlatformProgram.Build(settings), stack, settings.Profile.RetainData);
        return [.. AthenaStatements.Of(view).Select((s, i) => ($"{s.Resource} #{i + 1}", s.Sql))];
    }

    private static IReadOnlyList<string> Failures(IEnumerable<(string Name, string Sql)> statements)
    {
        var input = new JsonArray([.. statements.Select(s => (JsonNode?)new JsonObject { ["name"] = s.Name, ["sql"] = s.Sql })]);
        using var result = JsonDocument.Parse(NodeTool.Run("trino", "dt-sql-parser", "parse.mjs", input.ToJsonString()));
        return [.. result.RootElement.EnumerateArray().Select(f => $"{f.GetProperty("name").GetString()}: {string.Join("; ", f.GetProperty("errors").EnumerateArray().Select(e => e.GetString()))}")];
    }

    [Theory]
    [MemberData(nameof(Stacks.Lakehouses), MemberType = typeof(Stacks))]
    public void Every_statement_the_stack_sends_to_athena_parses_as_trino(string stack)
    {
        var statements = Statements(stack);

        Assert.NotEmpty(statements);
        Assert.Empty(Failures(statements));
    }

    [Fact]
    public void The_pipelines_statements_are_all_read_ctas_view_swap_merge_and_gate_included()
    {
        var verbs = Statements("dev").Select(s => AthenaStatements.VerbOf(s.Sql)).ToHashSet();

        Assert.Superset(new HashSet<string> { "CREATE TABLE", "CREATE VIEW", "MERGE", "SELECT" }, verbs);
    }

    [Fact]
    public void A_broken_statement_fails_and_is_named()
    {
        var (name, sql) = Statements("course4").First(s => s.Sql.StartsWith("CREATE TABLE", StringComparison.Ordinal));

        var failures = Failures([(name, sql.Replace("AS\nSELECT", "AS\nSELEC", StringComparison.Ordinal)), ("unclosed", "SELECT (1 FROM t")]);

        Assert.Equal(2, failures.Count);
        Assert.StartsWith(name, failures[0]);
        Assert.StartsWith("unclosed", failures[1]);
    }
}
