using Pipelines.Data.Lakehouse;

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
}
