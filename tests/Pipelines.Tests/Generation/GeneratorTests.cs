using Pipelines.Declarations.Sources;
using Pipelines.Generator;
using Pipelines.Generator.Output;

namespace Pipelines.Tests.Generation;

public sealed class GeneratorTests
{
    private static readonly CourseData Data = new(new GeneratorSettings());

    private static List<object?[]> Rows(CourseData data, string dataset) => [.. data[dataset].Rows()];

    private static HashSet<object> Column(CourseData data, string dataset, string column)
    {
        var index = data[dataset].Schema.IndexOf(column);
        return [.. Rows(data, dataset).Select(row => row[index]).OfType<object>()];
    }

    private static string Ndjson(CourseData data, string dataset)
    {
        using var buffer = new MemoryStream();
        NdjsonWriter.Write(data[dataset].Schema, data[dataset].Rows(), buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void The_generator_makes_rows_for_exactly_the_declared_sources_at_any_scale()
    {
        foreach (var scale in new[] { 0.05, 5 })
        {
            var data = new CourseData(new GeneratorSettings(Scale: scale));
            Assert.Equal(SourceDatasets.All, data.All.Select(dataset => dataset.Source).OrderBy(d => SourceDatasets.All.ToList().IndexOf(d)));
            Assert.Equal(SourceDatasets.Relational, data.Relational.Select(dataset => dataset.Source));
        }
        var settings = SourceDatasets.Extracts.Select(table => table.Setting).ToList();
        Assert.Contains("ratings=key:rating_id", settings);
        Assert.Contains("orders=incremental:updated_at", settings);
        Assert.Contains("employees=full", settings);
    }

    [Fact]
    public void The_same_settings_give_the_same_data_and_another_seed_other_data()
    {
        var again = new CourseData(new GeneratorSettings());
        var other = new CourseData(new GeneratorSettings(Seed: 7));
        foreach (var dataset in Data.All.Select(d => d.Schema.Name))
        {
            Assert.Equal(Ndjson(Data, dataset), Ndjson(again, dataset));
        }
        Assert.NotEqual(Ndjson(Data, "customers"), Ndjson(other, "customers"));
        Assert.NotEqual(Ndjson(Data, "web_sessions"), Ndjson(other, "web_sessions"));
    }

    [Fact]
    public void Counts_follow_the_scale()
    {
        var double_ = new CourseData(new GeneratorSettings(Scale: 2));
        Assert.Equal(122, Data["customers"].BaseRows);
        Assert.Equal(244, double_["customers"].BaseRows);
        Assert.Equal(7, double_["offices"].BaseRows);
        Assert.InRange(double_["orderdetails"].BaseRows, 1.8 * Data["orderdetails"].BaseRows, 2.2 * Data["orderdetails"].BaseRows);
    }

    [Fact]
    public void Every_reference_points_at_a_row_that_exists()
    {
        var customers = Column(Data, "customers", "customer_number");
        var products = Column(Data, "products", "product_code");
        var orders = Column(Data, "orders", "order_number");
        var employees = Column(Data, "employees", "employee_number");
        var offices = Column(Data, "offices", "office_code");
        var lines = Column(Data, "productlines", "product_line");
        Assert.Subset(customers, Column(Data, "orders", "customer_number"));
        Assert.Subset(orders, Column(Data, "orderdetails", "order_number"));
        Assert.Equal(orders, Column(Data, "orderdetails", "order_number"));
        Assert.Subset(products, Column(Data, "orderdetails", "product_code"));
        Assert.Subset(customers, Column(Data, "payments", "customer_number"));
        Assert.Subset(customers, Column(Data, "ratings", "customer_number"));
        Assert.Subset(products, Column(Data, "ratings", "product_code"));
        Assert.Subset(employees, Column(Data, "customers", "sales_rep_employee_number"));
        Assert.Subset(employees, Column(Data, "employees", "reports_to"));
        Assert.Subset(offices, Column(Data, "employees", "office_code"));
        Assert.Subset(lines, Column(Data, "products", "product_line"));
        Assert.Subset(customers, Column(Data, "web_sessions", "customer_number"));
        Assert.Subset(products, Column(Data, "order_events", "product_code"));
        Assert.Subset(Column(Data, "artists", "artist_id"), Column(Data, "songs", "artist_id"));
        Assert.Subset(Column(Data, "users", "user_id"), Column(Data, "listening_sessions", "user_id"));
    }

    [Fact]
    public void Keys_are_unique_except_where_a_duplicate_is_declared()
    {
        foreach (var dataset in Data.All)
        {
            var declared = dataset.BadRows().Count(bad => bad.Kind == BadRowKind.Duplicate && bad.Column == dataset.Schema.KeyColumns[0].Name);
            var keys = dataset.Rows().Select(dataset.KeyOf).ToList();
            Assert.True(keys.Count - keys.Distinct().Count() == declared, $"{dataset.Schema.Name}: {keys.Count - keys.Distinct().Count()} repeated keys, {declared} declared");
        }
    }

    [Fact]
    public void Ratings_pairs_repeat_only_as_declared_duplicates()
    {
        var ratings = Rows(Data, "ratings");
        var pairs = ratings.Where(r => r[2] is not null).GroupBy(r => (r[1], r[2])).Where(g => g.Count() > 1).ToList();
        var declared = Data["ratings"].BadRows().Where(bad => bad.Kind == BadRowKind.Duplicate).ToList();
        Assert.Equal(declared.Count, pairs.Count);
        Assert.All(pairs, pair => Assert.True((DateTime)pair.Last()[4]! > (DateTime)pair.First()[4]!, "the later copy is the newer rating"));
    }

    [Fact]
    public void Bad_rows_come_at_the_configured_rate_with_every_kind_the_dataset_allows()
    {
        var ledger = Data.All.SelectMany(d => d.BadRows()).ToList();
        Assert.Equal(29, ledger.Count(b => b.Dataset == "orderdetails"));
        Assert.Equal((int)Math.Round(Data["orderdetails"].BaseRows * 0.01), ledger.Count(b => b.Dataset == "orderdetails"));
        foreach (var events in new[] { "web_sessions", "order_events", "listening_sessions" })
        {
            Assert.Equal(Enum.GetValues<BadRowKind>().ToHashSet(), ledger.Where(b => b.Dataset == events).Select(b => b.Kind).ToHashSet());
        }
        var clean = new CourseData(new GeneratorSettings(BadRowRate: 0));
        Assert.Empty(clean.All.SelectMany(d => d.BadRows()));
        var many = new CourseData(new GeneratorSettings(BadRowRate: 0.2));
        Assert.Equal((int)Math.Round(many["customers"].BaseRows * 0.2), many["customers"].BadRows().Count());
    }

    [Fact]
    public void Every_missing_required_value_is_in_the_ledger_and_every_ledger_entry_is_in_the_data()
    {
        var data = new CourseData(new GeneratorSettings(BadRowRate: 0.05));
        foreach (var dataset in data.All.Where(d => d.Schema.IsFlat))
        {
            var found = new HashSet<(string, string)>();
            foreach (var row in dataset.Rows())
            {
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null && dataset.Schema.Columns[i].IsRequired)
                    {
                        found.Add((dataset.KeyOf(row), dataset.Schema.Columns[i].Name));
                    }
                }
            }
            var declared = dataset.BadRows().Where(b => b.Kind == BadRowKind.MissingRequired).Select(b => (b.Key, b.Column)).ToHashSet();
            Assert.Equal(declared, found);
        }
    }

    [Fact]
    public void Out_of_range_and_late_rows_are_exactly_the_declared_ones()
    {
        var data = new CourseData(new GeneratorSettings(BadRowRate: 0.05));
        var ratings = data["ratings"];
        var outOfRange = ratings.Rows().Where(r => r[3] is long rating && (rating < 1 || rating > 5)).Select(ratings.KeyOf).ToHashSet();
        Assert.Equal(ratings.BadRows().Where(b => b.Kind == BadRowKind.OutOfRange).Select(b => b.Key).ToHashSet(), outOfRange);

        var events = data["order_events"];
        var rows = events.Rows().ToList();
        var late = rows.Where((row, i) => i > 0 && (DateTime)row[1]! < ((DateTime)rows[i - 1][1]!).AddDays(-1)).Select(events.KeyOf).ToHashSet();
        Assert.Equal(events.BadRows().Where(b => b.Kind == BadRowKind.Late).Select(b => b.Key).ToHashSet(), late);
    }

    [Fact]
    public void Order_events_total_is_quantity_times_the_products_price()
    {
        var prices = Rows(Data, "products").ToDictionary(r => (string)r[0]!, r => (decimal)r[8]!);
        foreach (var row in Rows(Data, "order_events").Where(r => r[4] is not null))
        {
            Assert.Equal((long)row[6]! * prices[(string)row[4]!], (decimal)row[7]!);
        }
    }

    [Fact]
    public void Settings_out_of_range_are_refused_with_the_setting_named()
    {
        Assert.Contains("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new CourseData(new GeneratorSettings(Scale: 0))).Message);
        Assert.Contains("bad-row rate", Assert.Throws<ArgumentOutOfRangeException>(() => new CourseData(new GeneratorSettings(BadRowRate: 0.9))).Message);
        Assert.Contains("known datasets", Assert.Throws<ArgumentException>(() => Data["nope"]).Message);
    }
}
