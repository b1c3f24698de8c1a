using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Gold;

/// <summary>Course 4's star schema with surrogate keys, its date dimension and the analysts' views.</summary>
public sealed class Course4GoldTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gold4-").FullName;
    private readonly CourseData _data = new(new GeneratorSettings(Scale: 0.5, BadRowRate: 0));
    private readonly DuckDbTables _tables = new();
    private readonly IReadOnlyList<(string Model, long Rows)> _built;

    public Course4GoldTests()
    {
        GeneratedSilver.Load(_data, SilverDatasets.All, _folder, _tables);
        _built = GoldRunner.Run(_tables, GoldModels.ForCourse("course4"));
    }

    private decimal Scalar(string sql)
    {
        using var command = _tables.Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDecimal(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Every_order_line_is_a_fact_with_every_key_found_and_surrogate_keys_unique()
    {
        Assert.Equal(_data["orderdetails"].RowCount, _built.Single(b => b.Model == "fact_orders").Rows);
        foreach (var (key, dimension) in new[] { ("customer_key", "dim_customers"), ("product_key", "dim_products"), ("order_date_key", "dim_dates") })
        {
            Assert.Equal(0, _tables.Count($"SELECT count(*) FROM gold.fact_orders f LEFT JOIN gold.{dimension} d ON d.{(key == "order_date_key" ? "date_key" : key)} = f.{key} WHERE d.{(key == "order_date_key" ? "date_key" : key)} IS NULL"));
        }
        foreach (var (key, dimension) in new[] { ("customer_key", "dim_customers"), ("product_key", "dim_products"), ("date_key", "dim_dates"), ("employee_key", "dim_employees"), ("office_key", "dim_offices") })
        {
            Assert.Equal(0, _tables.Count($"SELECT count(*) - count(DISTINCT {key}) FROM gold.{dimension}"));
        }
    }

    [Fact]
    public void The_date_dimension_has_every_day_between_the_first_and_last_order()
    {
        var dates = _data["orders"].Rows().Select(row => (DateOnly)row[1]!).ToList();
        var days = dates.Max().DayNumber - dates.Min().DayNumber + 1;
        Assert.Equal(days, _built.Single(b => b.Model == "dim_dates").Rows);
    }

    [Fact]
    public void The_views_add_up_to_the_fact_total()
    {
        var total = _data["orderdetails"].Rows().Sum(row => (long)row[2]! * (decimal)row[3]!);
        var represented = _data["orders"].Rows().ToDictionary(row => (long)row[0]!, row => (long)row[6]!);
        var customersWithRep = _data["customers"].Rows().Where(row => row[11] is not null).Select(row => (long)row[0]!).ToHashSet();
        var withRep = _data["orderdetails"].Rows().Where(row => customersWithRep.Contains(represented[(long)row[0]!])).Sum(row => (long)row[2]! * (decimal)row[3]!);

        Assert.Equal(total, Scalar("SELECT sum(sales) FROM gold.sales_per_country"));
        Assert.Equal(withRep, Scalar("SELECT sum(sales) FROM gold.annual_sales_per_office"));
        Assert.Equal(_data["orderdetails"].RowCount, _tables.Count("SELECT CAST(sum(order_lines) AS bigint) FROM gold.avg_sales_per_product_line"));
        Assert.Equal(4, _tables.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'gold' AND table_type = 'VIEW'"));
    }

    [Fact]
    public void The_normal_forms_decompose_without_loss()
    {
        Assert.Equal(_data["orders"].RowCount, _built.Single(b => b.Model == "orders_obt").Rows);
        Assert.Equal(_data["orderdetails"].RowCount, _built.Single(b => b.Model == "orders_1nf").Rows);
        Assert.Equal(_data["orders"].RowCount, _built.Single(b => b.Model == "orders_3nf").Rows);
        Assert.Equal(0, _tables.Count("SELECT count(*) - count(DISTINCT customer_number) FROM gold.customers_3nf"));
        Assert.Equal(0, _tables.Count("SELECT count(*) - count(DISTINCT product_code) FROM gold.products_2nf"));
        const string rejoined = """
            SELECT l.order_number, l.product_code, l.order_line_number, o.order_date, o.status, c.customer_number, c.customer_name, c.city, c.country,
                   p.product_name, p.product_line, l.quantity_ordered, l.price_each
            FROM gold.order_lines_2nf l JOIN gold.orders_3nf o USING (order_number) JOIN gold.customers_3nf c USING (customer_number) JOIN gold.products_2nf p USING (product_code)
            """;
        Assert.Equal(0, _tables.Count($"SELECT count(*) FROM (SELECT * FROM gold.orders_1nf EXCEPT ALL {rejoined})"));
        Assert.Equal(0, _tables.Count($"SELECT count(*) FROM ({rejoined} EXCEPT ALL SELECT * FROM gold.orders_1nf)"));
        Assert.Equal(_data["orderdetails"].RowCount, _tables.Count("SELECT CAST(sum(len(product_codes)) AS bigint) FROM gold.orders_obt"));
    }

    [Fact]
    public void The_feature_set_is_standardized_scaled_bucketed_and_one_hot()
    {
        Assert.Equal(0, _tables.Count("SELECT count(*) FROM gold.ml_features WHERE credit_scaled < 0 OR credit_scaled > 1"));
        Assert.Equal(0, _tables.Count("SELECT CAST(round(avg(spend_standardized) * 1000000) AS bigint) FROM gold.ml_features"));
        Assert.Equal(1000, _tables.Count("SELECT CAST(round(stddev_samp(spend_standardized) * 1000) AS bigint) FROM gold.ml_features"));
        Assert.Equal(0, _tables.Count("SELECT count(*) FROM gold.ml_features WHERE country_usa + country_france + country_other <> 1"));
        Assert.Equal(0, _tables.Count("SELECT count(*) FROM gold.ml_features WHERE order_bucket NOT IN ('frequent', 'returning', 'single')"));
        var customersWithOrders = _data["orders"].Rows().Select(row => row[6]).Distinct().Count();
        Assert.Equal(customersWithOrders, _built.Single(b => b.Model == "ml_features").Rows);
    }

    [Fact]
    public void The_capstone_has_one_fact_per_item_listened_to_with_users_located_and_artists_summed()
    {
        var items = _data["listening_sessions"].Rows().SelectMany(row => (List<object?[]>)row[3]!).ToList();
        Assert.Equal(items.Count, _built.Single(b => b.Model == "fact_session").Rows);
        Assert.Equal(items.Sum(item => (decimal)item[3]!), Scalar("SELECT sum(sales) FROM gold.sales_per_artist"));
        var first = _data["users"].Rows().First();
        var location = ((string)first[3]!).Split(", ");
        Assert.Equal(1, _tables.Count($"SELECT count(*) FROM gold.dim_users WHERE user_id = {first[0]} AND city = '{location[0]}' AND country = '{location[1]}'"));
        Assert.Equal(0, _tables.Count("SELECT count(*) FROM gold.dim_users WHERE city = '' OR country = '' OR city IS NULL"));
        Assert.Equal(0, _tables.Count("SELECT count(*) - count(DISTINCT song_key) FROM gold.dim_songs"));
    }

    [Fact]
    public void A_view_is_current_at_once_and_the_materialized_table_only_after_its_refresh()
    {
        var models = GoldModels.ForCourse("course4");
        var before = Scalar("SELECT sales FROM gold.sales_per_country_materialized WHERE country = 'USA'");
        Assert.Equal(before, Scalar("SELECT sales FROM gold.sales_per_country WHERE country = 'USA'"));

        _tables.Execute("UPDATE gold.fact_orders SET amount = amount + 1000 WHERE customer_key = (SELECT min(customer_key) FROM gold.dim_customers WHERE country = 'USA')");
        var lines = _tables.Count("SELECT count(*) FROM gold.fact_orders WHERE customer_key = (SELECT min(customer_key) FROM gold.dim_customers WHERE country = 'USA')");

        Assert.Equal(before + 1000 * lines, Scalar("SELECT sales FROM gold.sales_per_country WHERE country = 'USA'"));
        Assert.Equal(before, Scalar("SELECT sales FROM gold.sales_per_country_materialized WHERE country = 'USA'"));
        var refreshed = GoldRunner.Refresh(_tables, models, "sales_per_country_materialized");
        Assert.Equal(["sales_per_country_materialized"], refreshed.Select(r => r.Model));
        Assert.Equal(before + 1000 * lines, Scalar("SELECT sales FROM gold.sales_per_country_materialized WHERE country = 'USA'"));
    }

    [Fact]
    public void Refreshing_a_model_rebuilds_what_reads_it_and_an_unknown_name_is_refused()
    {
        var models = GoldModels.ForCourse("course4");
        var refreshed = GoldRunner.Refresh(_tables, models, "dim_customers").Select(r => r.Model).ToList();

        Assert.Equal("dim_customers", refreshed[0]);
        Assert.Contains("fact_orders", refreshed);
        Assert.Contains("sales_per_country_materialized", refreshed);
        Assert.DoesNotContain("dim_products", refreshed);
        Assert.Contains("no model nope", Assert.Throws<ArgumentException>(() => GoldRunner.Refresh(_tables, models, "nope")).Message);
    }

    public void Dispose()
    {
        _tables.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
