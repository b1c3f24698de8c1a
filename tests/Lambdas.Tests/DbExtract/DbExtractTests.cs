using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Functions;
using System.Globalization;
using System.Text.Json;
using DbExtract;
using Pipelines.Generator;
using Pipelines.Generator.Output;

namespace Lambdas.Tests.DbExtract;

/// <summary>The extract function against real MariaDB and PostgreSQL servers loaded with the course data.</summary>
public sealed class DbExtractTests(SourceDatabases sources) : IClassFixture<SourceDatabases>
{
    public static TheoryData<string> Engines => new() { SourceEngine.MySql.Name, SourceEngine.PostgreSql.Name };

    private IEnumerable<TableSetting> Tables => SourceDatasets.Extracts.Select(table => TableSetting.ParseList(table.Setting, "test")[0]);

    private DbExtractRig Rig(string engine, int chunkRows = 50) =>
        new(sources.NewDatabase(engine), SourceEngine.Named(engine), Tables, chunkRows);

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Every_table_lands_in_bronze_row_for_row_with_its_values(string engine)
    {
        var rig = Rig(engine);

        var result = await rig.RunAsync();

        Assert.True(result.Complete);
        foreach (var table in sources.Data.Relational)
        {
            var rows = rig.Rows(table.Schema.Name);
            Assert.Equal(table.RowCount, rows.Count);
            AssertSameValues(table, rows);
            rig.AssertNoStrayParts(table.Schema.Name);
        }
        Assert.True(rig.Manifests("orderdetails").Single().Parts.Count > 3, "the big table comes in several parts");
        Assert.All(result.Runs, run => Assert.True(rig.Store.Objects.ContainsKey($"{DbExtractRig.Bucket}/{run.Manifest}"), $"{run.Table} names its manifest {run.Manifest}"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_rerun_reads_only_rows_changed_or_added_since_the_watermark(string engine)
    {
        var rig = Rig(engine);
        await rig.RunAsync();
        await SourceDatabases.ExecuteAsync(rig.Connect, """
            UPDATE customers SET credit_limit = 1234.50, updated_at = '2030-01-01 00:00:00' WHERE customer_number IN (103, 104);
            INSERT INTO ratings (rating_id, customer_number, product_code, rating, rated_at) VALUES (900001, 103, 'S10_1000', 4, '2030-01-01 00:00:00');
            """);

        var second = await rig.RunAsync();

        Assert.Equal(2, second.Runs.Single(run => run.Table == "customers").RunRows);
        Assert.Equal(1, second.Runs.Single(run => run.Table == "ratings").RunRows);
        Assert.Equal(0, second.Runs.Single(run => run.Table == "orders").RunRows);
        Assert.Equal(sources.Data["orderdetails"].RowCount, second.Runs.Single(run => run.Table == "orderdetails").RunRows);
        var updated = rig.Rows("customers").Skip((int)sources.Data["customers"].RowCount).ToList();
        Assert.All(updated, row => Assert.Equal(1234.50m, row.GetProperty("credit_limit").GetDecimal()));
        var manifests = rig.Manifests("customers");
        Assert.Equal(manifests[0].Until, manifests[1].Since);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_crash_at_any_write_followed_by_a_rerun_loses_nothing_and_doubles_nothing(string engine)
    {
        var connect = sources.NewDatabase(engine);
        var table = new[] { "payments" };
        var clean = new DbExtractRig(connect, SourceEngine.Named(engine), Tables, chunkRows: 20);
        await clean.RunAsync(table);
        var writes = clean.Store.Puts;
        Assert.True(writes >= 10, $"only {writes} writes");

        for (var crashAt = 0; crashAt < writes; crashAt++)
        {
            var rig = new DbExtractRig(connect, SourceEngine.Named(engine), Tables, chunkRows: 20);
            rig.Store.FailPuts = (crashAt, 1);
            await Assert.ThrowsAsync<HttpRequestException>(() => rig.RunAsync(table));
            Assert.True((await rig.RunAsync(table)).Complete);
            var rows = rig.Rows("payments");
            Assert.Equal(sources.Data["payments"].RowCount, rows.Count);
            Assert.Equal(rows.Count, rows.Select(Key).Distinct().Count());
            Assert.Single(rig.Manifests("payments"));
            rig.AssertNoStrayParts("payments");
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Work_stops_at_a_part_boundary_before_the_deadline_and_resumes(string engine)
    {
        var rig = Rig(engine, chunkRows: 100);
        var invocations = 0;
        DbExtractResponse result;
        do
        {
            // Each part costs two one-second writes on the rig's clock: about three parts per invocation.
            result = await rig.RunAsync(["orderdetails"], timeLeft: rig.Options.SafetyMargin + TimeSpan.FromSeconds(5));
            invocations++;
            Assert.Equal(result.Complete, result.Runs.Single().Manifest is not null);
        }
        while (!result.Complete && invocations < 100);

        Assert.True(invocations > 2, $"finished in {invocations} invocations");
        var rows = rig.Rows("orderdetails");
        Assert.Equal(sources.Data["orderdetails"].RowCount, rows.Count);
        Assert.Equal(rows.Count, rows.Select(Key).Distinct().Count());
        rig.AssertNoStrayParts("orderdetails");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_added_column_is_carried_through_and_reported(string engine)
    {
        var rig = Rig(engine);
        await rig.RunAsync(["products"]);
        var product = (string)sources.Data["products"].Clean(0)[0]!;
        await SourceDatabases.ExecuteAsync(rig.Connect, $"ALTER TABLE products ADD COLUMN discontinued BOOLEAN; UPDATE products SET discontinued = TRUE, updated_at = '2030-01-01 00:00:00' WHERE product_code = '{product}'");

        var second = await rig.RunAsync(["products"]);

        Assert.Equal(["discontinued"], second.Runs.Single().AddedColumns);
        Assert.Equal(["discontinued"], rig.Manifests("products")[1].AddedColumns);
        var row = Assert.Single(rig.Rows("products").Skip((int)sources.Data["products"].RowCount));
        Assert.True(row.GetProperty("discontinued").GetBoolean());
    }

    [Theory]
    [InlineData("mysql", "ALTER TABLE orders DROP COLUMN comments", "column 'comments'")]
    [InlineData("postgresql", "ALTER TABLE orders DROP COLUMN comments", "column 'comments'")]
    [InlineData("mysql", "ALTER TABLE orders MODIFY status TEXT", "column 'status' changed type")]
    [InlineData("postgresql", "ALTER TABLE orders ALTER COLUMN status TYPE TEXT", "column 'status' changed type")]
    public async Task A_dropped_or_retyped_column_stops_the_run_naming_table_and_column(string engine, string change, string message)
    {
        var rig = Rig(engine);
        await rig.RunAsync(["orders"]);
        await SourceDatabases.ExecuteAsync(rig.Connect, change);

        var error = await Assert.ThrowsAsync<SchemaChangedException>(() => rig.RunAsync(["orders"]));

        Assert.Contains("table orders", error.Message);
        Assert.Contains(message, error.Message);
    }

    private static string Key(JsonElement row) => row.GetRawText();

    private static void AssertSameValues(DatasetGenerator table, List<JsonElement> rows)
    {
        var schema = table.Schema;
        var byKey = rows.GroupBy(row => string.Join('/', schema.KeyColumns.Select(column => Text(row.GetProperty(column.Name))))).ToDictionary(group => group.Key, group => group.First());
        foreach (var expected in table.Rows())
        {
            var actual = byKey[table.KeyOf(expected)];
            for (var i = 0; i < schema.Columns.Count; i++)
            {
                var value = actual.GetProperty(schema.Columns[i].Name);
                var want = expected[i];
                var same = want switch
                {
                    null => value.ValueKind == JsonValueKind.Null,
                    decimal number => value.GetDecimal() == number,
                    long number => value.GetInt64() == number,
                    _ => value.GetString() == ValueText.Of(want),
                };
                Assert.True(same, $"{schema.Name} {table.KeyOf(expected)} {schema.Columns[i].Name}: expected {want}, got {value.GetRawText()}");
            }
        }
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
