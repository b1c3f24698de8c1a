using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.Declarations.Sql;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Quality;

/// <summary>The gate as the state machine runs it (one query listing broken rules) agrees with the rule-by-rule gate.</summary>
public sealed class GateQueryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<(string Dataset, string Rule, long Violations)> Rows(DuckDbTables tables, string sql)
    {
        using var command = tables.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return rows;
    }

    [Fact]
    public void One_row_per_broken_rule_exactly_as_the_rule_by_rule_gate_finds_and_none_on_clean_data()
    {
        var data = new CourseData(new GeneratorSettings(Scale: 0.1, BadRowRate: 0));
        var datasets = SilverDatasets.All.Where(d => d.Name is "orders" or "orderdetails" or "customers" or "products" or "employees" or "offices" or "productlines").ToList();
        using var tables = new DuckDbTables();
        Gold.GeneratedSilver.Load(data, datasets, _folder, tables);
        string Gate() => TrinoToDuckDb.Translate(QualitySql.Failures(datasets, name => $"silver.{name}"));

        Assert.Empty(Rows(tables, Gate()));

        tables.Execute("UPDATE silver.orders SET status = 'Lost' WHERE order_number IN (SELECT order_number FROM silver.orders LIMIT 3)");
        tables.Execute("DELETE FROM silver.customers WHERE customer_number IN (SELECT customer_number FROM silver.customers LIMIT 1)");
        var expected = QualityGate.Evaluate(tables, datasets, name => $"silver.{name}").Where(r => !r.Passed)
            .Select(r => (r.Dataset, r.Rule.Name, r.Violations)).OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        var rows = Rows(tables, Gate());
        Assert.Equal(expected, rows);
        Assert.Contains(rows, row => row.Dataset == "orders" && row.Rule.StartsWith("accepted_values(status", StringComparison.Ordinal) && row.Violations == 3);
        Assert.Contains(rows, row => row.Dataset == "orders" && row.Rule.StartsWith("references(customer_number", StringComparison.Ordinal));
    }
}
