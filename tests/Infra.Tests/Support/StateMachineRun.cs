using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Tests.Support;

/// <summary>
/// One execution of a synthesized state machine under an Amazon States Language interpreter (tests/stepfunctions),
/// its tasks answered by a simulated account: a catalog, a bucket, Athena statements applied to both.
/// </summary>
public sealed record StateMachineRun(string Status, string? Error, string? Cause, IReadOnlyList<string> Calls,
    IReadOnlyList<(string Sql, string Workgroup)> Queries, IReadOnlyList<(string Subject, string Message)> Published,
    IReadOnlyDictionary<string, JsonElement> Tables, IReadOnlyList<string> Objects)
{
    public const string StartTime = "2026-12-07T15:41:13.123Z";

    /// <summary>The run id the plan derives from <see cref="StartTime"/>.</summary>
    public const string RunId = "20261207154113";

    /// <param name="tables">The catalog before the run: <c>db.name</c> → <c>{location}</c> or <c>{view}</c>.</param>
    /// <param name="objects">The objects before the run, as <c>bucket/key</c>.</param>
    /// <param name="failures">Task states that fail, with the error they throw and how many times.</param>
    /// <param name="gateRows">Rows the quality gate's query returns besides its header (broken rules).</param>
    /// <param name="athenaEndpoint">An engine that runs the statements too (<see cref="AthenaOnDuckDb"/>); its rows answer the gate.</param>
    /// <param name="lambdaEndpoint">The functions themselves (<see cref="FunctionsOnBootstraps"/>): they answer every Lambda task.</param>
    public static StateMachineRun Execute(string definition, JsonObject? tables = null, IEnumerable<string>? objects = null,
        IReadOnlyDictionary<string, (string Error, int Times)>? failures = null, int gateRows = 0, string startTime = StartTime, string? athenaEndpoint = null,
        string? lambdaEndpoint = null)
    {
        var scenario = new JsonObject
        {
            ["definition"] = JsonNode.Parse(definition),
            ["input"] = new JsonObject(),
            ["context"] = new JsonObject
            {
                ["Execution"] = new JsonObject
                {
                    ["Id"] = "arn:aws:states:eu-west-1:123456789012:execution:pipeline:scheduled-run",
                    ["Name"] = "scheduled-run",
                    ["StartTime"] = startTime,
                },
            },
            ["world"] = new JsonObject
            {
                ["tables"] = tables?.DeepClone() ?? new JsonObject(),
                ["objects"] = new JsonArray([.. (objects ?? []).Select(o => (JsonNode?)o)]),
            },
            ["gateRows"] = new JsonArray([.. Enumerable.Range(0, gateRows).Select(i => (JsonNode?)new JsonObject
            {
                ["Data"] = new JsonArray(new JsonObject { ["VarCharValue"] = $"broken rule {i}" }),
            })]),
            ["athenaEndpoint"] = athenaEndpoint,
            ["lambdaEndpoint"] = lambdaEndpoint,
            ["failures"] = new JsonObject([.. (failures ?? new Dictionary<string, (string, int)>()).Select(f =>
                KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject { ["error"] = f.Value.Error, ["times"] = f.Value.Times }))]),
        };
        using var result = JsonDocument.Parse(NodeTool.Run("stepfunctions", "aws-local-stepfunctions", "run.mjs", scenario.ToJsonString()));
        var root = result.RootElement;
        return new StateMachineRun(
            root.GetProperty("status").GetString()!,
            root.GetProperty("error").GetString(),
            root.GetProperty("cause").GetString(),
            [.. root.GetProperty("calls").EnumerateArray().Select(c => c.GetString()!)],
            [.. root.GetProperty("queries").EnumerateArray().Select(q => (q.GetProperty("sql").GetString()!, q.GetProperty("workgroup").GetString()!))],
            [.. root.GetProperty("published").EnumerateArray().Select(p => (p.GetProperty("subject").GetString()!, p.GetProperty("message").GetString()!))],
            root.GetProperty("world").GetProperty("tables").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.Clone()),
            [.. root.GetProperty("world").GetProperty("objects").EnumerateArray().Select(o => o.GetString()!)]);
    }

    /// <summary>The table a view reads, or null.</summary>
    public string? ViewTarget(string view) =>
        Tables.TryGetValue(view, out var entry) && entry.TryGetProperty("view", out var target) ? target.GetString() : null;
}
