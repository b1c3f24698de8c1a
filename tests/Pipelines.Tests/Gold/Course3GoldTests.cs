using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Gold;

/// <summary>Course 3's incremental gold tables, kept with MERGE INTO on their key.</summary>
public sealed class Course3GoldTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gold3-").FullName;
    private readonly CourseData _data = new(new GeneratorSettings(Scale: 0.5, BadRowRate: 0));
    private readonly DuckDbTables _tables = new();
    private readonly IReadOnlyList<GoldModel> _models = GoldModels.ForCourse("course3");

    public Course3GoldTests()
    {
        GeneratedSilver.Load(_data, SilverDatasets.All.Where(d => d.Name is "orders" or "orderdetails" or "ratings"), _folder, _tables);
        GoldRunner.Run(_tables, _models);
    }

    private long Changed(string snapshot, string table) =>
        _tables.Count($"SELECT count(*) FROM (SELECT * FROM gold.{table} EXCEPT SELECT * FROM {snapshot})");

    [Fact]
    public void The_report_holds_the_revenue_of_each_month_of_the_source()
    {
        var orderDates = _data["orders"].Rows().ToDictionary(row => (long)row[0]!, row => (DateOnly)row[1]!);
        var expected = _data["orderdetails"].Rows().GroupBy(row => (orderDates[(long)row[0]!].Year, orderDates[(long)row[0]!].Month))
            .ToDictionary(group => group.Key, group => group.Sum(row => (long)row[2]! * (decimal)row[3]!));

        Assert.Equal(expected.Count, _tables.Count("SELECT count(*) FROM gold.sales_report"));
        using var command = _tables.Connection.CreateCommand();
        command.CommandText = "SELECT order_year, order_month, revenue FROM gold.sales_report";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Assert.Equal(expected[((int)reader.GetInt64(0), (int)reader.GetInt64(1))], reader.GetDecimal(2));
        }
    }

    [Fact]
    public void Merging_again_changes_nothing_and_a_late_update_changes_exactly_its_month()
    {
        _tables.Execute("CREATE TABLE before_rerun AS SELECT * FROM gold.sales_report");
        GoldRunner.Run(_tables, _models);
        Assert.Equal(0, Changed("before_rerun", "sales_report"));
        Assert.Equal(_tables.Count("SELECT count(*) FROM before_rerun"), _tables.Count("SELECT count(*) FROM gold.sales_report"));

        var first = _data["orderdetails"].Rows().First();
        _tables.Execute($"UPDATE silver.orderdetails SET quantity_ordered = quantity_ordered + 5 WHERE order_number = {first[0]} AND product_code = '{first[1]}'");
        GoldRunner.Run(_tables, _models);

        Assert.Equal(1, Changed("before_rerun", "sales_report"));
        Assert.Equal(_tables.Count("SELECT count(*) FROM before_rerun"), _tables.Count("SELECT count(*) FROM gold.sales_report"));
    }

    [Fact]
    public void A_new_month_is_inserted_by_the_merge()
    {
        var before = _tables.Count("SELECT count(*) FROM gold.sales_report");
        var product = (string)_data["products"].Clean(0)[0]!;
        _tables.Execute("INSERT INTO silver.orders (order_number, order_date, required_date, status, customer_number, updated_at, order_year) VALUES (99999, DATE '2031-07-01', DATE '2031-07-08', 'In Process', 103, TIMESTAMP '2031-07-01 12:00:00', 2031)");
        _tables.Execute($"INSERT INTO silver.orderdetails VALUES (99999, '{product}', 2, 10.00, 1)");

        GoldRunner.Run(_tables, _models);

        Assert.Equal(before + 1, _tables.Count("SELECT count(*) FROM gold.sales_report"));
        Assert.Equal(20, _tables.Count("SELECT CAST(revenue AS bigint) FROM gold.sales_report WHERE order_year = 2031 AND order_month = 7"));
    }

    [Fact]
    public void Ratings_per_product_average_and_count_match_the_source()
    {
        var expected = _data["ratings"].Rows().GroupBy(row => (string)row[2]!).ToDictionary(g => g.Key, g => (Count: g.LongCount(), Average: g.Average(row => (double)(long)row[3]!)));
        using var command = _tables.Connection.CreateCommand();
        command.CommandText = "SELECT product_code, ratings, average_rating FROM gold.ratings_per_product";
        using var reader = command.ExecuteReader();
        var seen = 0;
        while (reader.Read())
        {
            var (count, average) = expected[reader.GetString(0)];
            Assert.Equal(count, reader.GetInt64(1));
            Assert.Equal(average, reader.GetDouble(2), 9);
            seen++;
        }
        Assert.Equal(expected.Count, seen);
    }

    [Fact]
    public void Course_3_models_are_incremental_on_their_keys()
    {
        Assert.Equal(["order_year", "order_month"], _models.Single(m => m.Name == "sales_report").MergeOn);
        Assert.Equal(["product_code"], _models.Single(m => m.Name == "ratings_per_product").MergeOn);
    }

    public void Dispose()
    {
        _tables.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Each_merge_model_declares_the_columns_and_types_its_query_returns()
    {
        foreach (var model in _models)
        {
            using var command = _tables.Connection.CreateCommand();
            command.CommandText = $"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'gold' AND table_name = '{model.Name}' ORDER BY ordinal_position";
            using var reader = command.ExecuteReader();
            var actual = new List<(string, string)>();
            while (reader.Read())
            {
                actual.Add((reader.GetString(0), AthenaType(reader.GetString(1))));
            }
            Assert.Equal(model.Columns.Select(c => (c.Name, c.Type.Replace(" ", "", StringComparison.Ordinal))), actual);
        }
    }

    /// <summary>DuckDB's type names as Athena (Glue) writes them.</summary>
    private static string AthenaType(string duckDb) => duckDb switch
    {
        "BIGINT" => "bigint",
        "INTEGER" => "int",
        "DOUBLE" => "double",
        "VARCHAR" => "string",
        "DATE" => "date",
        "TIMESTAMP" => "timestamp",
        _ when duckDb.StartsWith("DECIMAL", StringComparison.Ordinal) => duckDb.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal),
        _ => throw new NotSupportedException($"no Athena name for DuckDB type {duckDb}"),
    };
}
