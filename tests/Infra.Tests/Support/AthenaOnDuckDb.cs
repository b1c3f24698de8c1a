using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipelines.Declarations.Sql;
using Pipelines.DuckDb;

namespace Infra.Tests.Support;

/// <summary>
/// Stands in for Athena while a synthesized state machine runs (tests/stepfunctions): each statement the
/// state machine sends is run on DuckDB through the one translation (<see cref="TrinoToDuckDb"/>), a query's
/// rows kept for <c>getQueryResults</c>. Only the table properties of a CTAS are dropped: where its files
/// go is S3's business, not the result's. Listens on 127.0.0.1 only.
/// </summary>
public sealed partial class AthenaOnDuckDb : IDisposable
{
    private readonly DuckDbTables _tables;
    private readonly Dictionary<string, JsonObject> _results = [];
    private readonly LoopbackJsonEndpoint _endpoint;

    public AthenaOnDuckDb(DuckDbTables tables)
    {
        _tables = tables;
        _endpoint = new LoopbackJsonEndpoint((path, body) => Task.FromResult(path == "/query" ? Run(body) : _results[body["id"]!.GetValue<string>()]));
    }

    public string Endpoint => _endpoint.Address;

    /// <summary>Every statement run, as DuckDB received it.</summary>
    public List<string> Statements { get; } = [];

    /// <summary>The statement as DuckDB runs it: CTAS properties dropped, then the one translation.</summary>
    public static string ForDuckDb(string athena) => TrinoToDuckDb.Translate(CtasProperties().Replace(athena, "CREATE TABLE $1 AS\n"));

    private JsonObject Run(JsonObject body)
    {
        var sql = ForDuckDb(body["sql"]!.GetValue<string>());
        lock (_tables)
        {
            Statements.Add(sql);
            var rows = new JsonArray();
            using var command = _tables.Connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            if (reader.FieldCount > 0)
            {
                rows.Add(Row(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)));
                while (reader.Read())
                {
                    rows.Add(Row(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }
            }
            _results[body["id"]!.GetValue<string>()] = new JsonObject { ["ResultSet"] = new JsonObject { ["Rows"] = rows } };
            return new JsonObject { ["ok"] = true };
        }
    }

    private static JsonObject Row(IEnumerable<string?> values) =>
        new() { ["Data"] = new JsonArray([.. values.Select(v => (JsonNode?)(v is null ? new JsonObject() : new JsonObject { ["VarCharValue"] = v }))]) };

    public void Dispose() => _endpoint.Dispose();

    [GeneratedRegex(@"^CREATE TABLE (\S+)\nWITH \(.*?\)\nAS\n", RegexOptions.Singleline)]
    private static partial Regex CtasProperties();
}
