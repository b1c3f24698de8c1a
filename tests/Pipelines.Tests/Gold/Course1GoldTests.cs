using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Gold;

/// <summary>Course 1's star schema and training set, built by the SQL files on DuckDB from generated silver, checked against the source in C#.</summary>
public sealed class Course1GoldTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gold-").FullName;
    private readonly CourseData _data = new(new GeneratorSettings(Scale: 0.5, BadRowRate: 0));
    private readonly DuckDbTables _tables = new();
    private readonly IReadOnlyList<(string Model, long Rows)> _built;

    public Course1GoldTests()
    {
        GeneratedSilver.Load(_data, SilverDatasets.All, _folder, _tables);
        _built = GoldRunner.Run(_tables, GoldModels.ForCourse("course1"));
    }

    [Fact]
    public void The_fact_total_equals_quantity_times_price_summed_over_the_source()
    {
        var expected = _data["orderdetails"].Rows().Sum(row => (long)row[2]! * (decimal)row[3]!);
        using var command = _tables.Connection.CreateCommand();
        command.CommandText = "SELECT sum(amount) FROM gold.fact_orders";

        Assert.Equal(expected, Convert.ToDecimal(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(_data["orderdetails"].RowCount, _built.Single(b => b.Model == "fact_orders").Rows);
    }

    [Theory]
    [InlineData("customer_key", "dim_customers")]
    [InlineData("product_key", "dim_products")]
    [InlineData("location_key", "dim_locations")]
    public void Every_fact_key_finds_its_dimension_row_and_surrogate_keys_are_unique(string key, string dimension)
    {
        Assert.Equal(0, _tables.Count($"SELECT count(*) FROM gold.fact_orders f LEFT JOIN gold.{dimension} d ON d.{key} = f.{key} WHERE d.{key} IS NULL"));
        Assert.Equal(0, _tables.Count($"SELECT count(*) - count(DISTINCT {key}) FROM gold.{dimension}"));
    }

    [Fact]
    public void Dimensions_hold_each_source_row_once_and_the_training_set_each_rating()
    {
        Assert.Equal(_data["customers"].RowCount, _built.Single(b => b.Model == "dim_customers").Rows);
        Assert.Equal(_data["products"].RowCount, _built.Single(b => b.Model == "dim_products").Rows);
        Assert.Equal(_data["ratings"].RowCount, _built.Single(b => b.Model == "ml_training_set").Rows);
        var places = _data["customers"].Rows().Select(row => (row[7], row[8], row[9], row[10])).Distinct().Count();
        Assert.Equal(places, _built.Single(b => b.Model == "dim_locations").Rows);
        Assert.Equal(0, _tables.Count("SELECT count(*) FROM gold.dim_products WHERE product_line_description IS NULL"));
    }

    [Fact]
    public void Models_run_after_the_models_they_read()
    {
        var order = _built.Select(b => b.Model).ToList();
        Assert.True(order.IndexOf("fact_orders") > order.IndexOf("dim_customers"));
        Assert.True(order.IndexOf("fact_orders") > order.IndexOf("dim_locations"));
        Assert.True(order.IndexOf("ml_training_set") > order.IndexOf("dim_products"));
    }

    public void Dispose()
    {
        _tables.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
