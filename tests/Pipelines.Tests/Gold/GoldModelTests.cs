using Pipelines.Declarations.Lakehouse;

namespace Pipelines.Tests.Gold;

/// <summary>Model headers are honest and the run order is derived from them.</summary>
public sealed class GoldModelTests
{
    private static GoldModel Model(string name, string reads, string body) =>
        GoldModel.Parse("test", $"{name}.sql", $"-- model: {name}\n-- reads: {reads}\n{body}");

    [Fact]
    public void A_model_reading_a_relation_it_did_not_declare_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Model("a", "silver.orders", "SELECT * FROM silver.orders JOIN silver.customers USING (customer_number)"));
        Assert.Contains("reads silver.customers without declaring it", error.Message);
    }

    [Fact]
    public void A_declared_relation_the_model_does_not_read_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Model("a", "silver.orders, silver.customers", "SELECT * FROM silver.orders"));
        Assert.Contains("declares silver.customers but does not read it", error.Message);
    }

    [Fact]
    public void A_header_naming_another_model_is_refused()
    {
        Assert.Contains("-- model: a", Assert.Throws<FormatException>(() => GoldModel.Parse("test", "a.sql", "-- model: b\nSELECT 1")).Message);
    }

    [Theory]
    [InlineData("orders__r1")]
    [InlineData("Orders")]
    [InlineData("daily-orders")]
    public void A_name_that_cannot_be_a_table_or_would_look_like_a_runs_table_is_refused(string name)
    {
        var error = Assert.Throws<FormatException>(() => GoldModel.Parse("test", $"{name}.sql", $"-- model: {name}\nSELECT 1"));
        Assert.Contains($"'{name}' is not", error.Message);
    }

    [Fact]
    public void The_order_follows_the_reads_whatever_the_listing_order()
    {
        var models = new[]
        {
            Model("c", "gold.b", "SELECT * FROM gold.b"),
            Model("b", "gold.a", "SELECT * FROM gold.a"),
            Model("a", "silver.x", "SELECT * FROM silver.x"),
        };

        Assert.Equal(["a", "b", "c"], GoldModels.InRunOrder(models).Select(m => m.Name));
    }

    [Fact]
    public void A_cycle_or_a_missing_model_is_named()
    {
        var cycle = new[] { Model("a", "gold.b", "SELECT * FROM gold.b"), Model("b", "gold.a", "SELECT * FROM gold.a") };
        Assert.Contains("cycle: a -> b -> a", Assert.Throws<InvalidOperationException>(() => GoldModels.InRunOrder(cycle)).Message);
        var missing = new[] { Model("a", "gold.nope", "SELECT * FROM gold.nope") };
        Assert.Contains("a reads gold.nope, which no model builds", Assert.Throws<InvalidOperationException>(() => GoldModels.InRunOrder(missing)).Message);
    }

    [Fact]
    public void The_shipped_course_1_models_parse_and_order()
    {
        var models = GoldModels.ForCourse("course1");
        Assert.Equal(["dim_customers", "dim_locations", "dim_products", "fact_orders", "ml_training_set"], GoldModels.InRunOrder(models).Select(m => m.Name).Order());
    }

    [Fact]
    public void A_table_reading_a_view_or_refreshed_table_is_refused_and_serving_models_order_last()
    {
        var view = GoldModel.Parse("test", "v.sql", "-- model: v\n-- reads: gold.a\n-- materialized: view\nSELECT * FROM gold.a");
        var table = Model("a", "silver.x", "SELECT * FROM silver.x");
        var reader = Model("b", "gold.v", "SELECT * FROM gold.v");

        Assert.Equal(["a", "v"], GoldModels.InRunOrder([view, table]).Select(m => m.Name));
        var error = Assert.Throws<InvalidOperationException>(() => GoldModels.InRunOrder([view, table, reader]));
        Assert.Contains("b reads gold.v", error.Message);
    }

    [Fact]
    public void A_merge_model_must_declare_its_columns_including_its_key()
    {
        Assert.Contains("declares its columns", Assert.Throws<FormatException>(() =>
            GoldModel.Parse("test", "m.sql", "-- model: m\n-- reads: silver.x\n-- materialized: merge on k\nSELECT k FROM silver.x")).Message);
        Assert.Contains("merge key k is not among", Assert.Throws<FormatException>(() =>
            GoldModel.Parse("test", "m.sql", "-- model: m\n-- reads: silver.x\n-- materialized: merge on k\n-- columns: j bigint\nSELECT j FROM silver.x")).Message);
        var model = GoldModel.Parse("test", "m.sql", "-- model: m\n-- reads: silver.x\n-- materialized: merge on k\n-- columns: k string, amount decimal(18, 2)\nSELECT k, amount FROM silver.x");
        Assert.Equal([("k", "string"), ("amount", "decimal(18, 2)")], model.Columns);
    }

    [Fact]
    public void On_athena_a_view_is_replaced_a_merge_model_merged_and_a_table_built_as_its_runs_table_then_served_by_a_view()
    {
        static string Relation(string layered) => "stack_" + layered.Replace(".", "_db.", StringComparison.Ordinal);
        var unusedRun = new Pipelines.Declarations.Sql.GoldRun("1", "unused");
        var view = GoldModel.Parse("test", "v.sql", "-- model: v\n-- reads: gold.a\n-- materialized: view\nSELECT * FROM gold.a");
        var merge = GoldModels.ForCourse("course3").Single(m => m.Name == "sales_report");
        var table = Model("a", "silver.x", "SELECT * FROM silver.x");

        Assert.Equal(["CREATE OR REPLACE VIEW stack_gold_db.v AS\nSELECT * FROM stack_gold_db.a"], Pipelines.Declarations.Sql.AthenaGoldSql.Statements(view, Relation, unusedRun));
        var merged = Assert.Single(Pipelines.Declarations.Sql.AthenaGoldSql.Statements(merge, Relation, unusedRun));
        Assert.StartsWith("MERGE INTO stack_gold_db.sales_report AS t USING (SELECT", merged);
        Assert.Contains("ON t.\"order_year\" = s.\"order_year\" AND t.\"order_month\" = s.\"order_month\"", merged);
        // Nothing is dropped before the new table stands: readers see the old run until the view moves.
        Assert.Equal(["CREATE TABLE stack_gold_db.a__r20261207154113\nWITH (format = 'PARQUET', write_compression = 'SNAPPY', external_location = 's3://b/a/r20261207154113/')\nAS\nSELECT * FROM stack_silver_db.x",
            "CREATE OR REPLACE VIEW stack_gold_db.a AS\nSELECT * FROM stack_gold_db.a__r20261207154113"],
            Pipelines.Declarations.Sql.AthenaGoldSql.Statements(table, Relation, new Pipelines.Declarations.Sql.GoldRun("20261207154113", "s3://b/a/r20261207154113/")));
    }
}
