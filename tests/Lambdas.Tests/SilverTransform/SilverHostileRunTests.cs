using System.Text;
using System.Text.Json.Nodes;
using Lambdas.Tests.Support;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using SilverTransform;

namespace Lambdas.Tests.SilverTransform;

/// <summary>
/// Silver under runs that are broken, empty or hostile: a broken envelope (manifest, part) fails the invocation naming
/// it and writes nothing; anything a row can be wrong about goes to the quarantine with its reason; in = out + dropped + quarantined.
/// </summary>
public sealed class SilverHostileRunTests : IDisposable
{
    private const string Folder = BronzeRun.Folder;
    private const string Manifest = BronzeRun.Manifest;
    private readonly string _work = Directory.CreateTempSubdirectory("silver-hostile-").FullName;

    private SilverTransformHandler Handler(MemoryObjectStore store) =>
        new(store, SilverDatasets.All, new SilverTransformOptions("bronze", "silver", "quarantine/silver", _work));

    private Task<SilverTransformResponse> RunAsync(MemoryObjectStore store) =>
        Handler(store).HandleAsync(new SilverTransformRequest { Dataset = "orders", Manifest = Manifest }, CancellationToken.None);

    private static string WithOrderDate(string line, string date)
    {
        var row = JsonNode.Parse(line)!.AsObject();
        row["order_date"] = date;
        return row.ToJsonString();
    }

    [Theory]
    [InlineData("0001-06-01")]
    [InlineData("1850-06-01")]
    [InlineData("9999-06-01")]
    public async Task An_order_dated_outside_the_catalogs_partition_range_is_quarantined_with_the_range_not_written_where_no_query_sees_it(string date)
    {
        var lines = BronzeRun.Orders(20);
        lines[3] = WithOrderDate(lines[3], date);
        var store = BronzeRun.Run(lines);

        var result = await RunAsync(store);

        Assert.Equal((20L, 19L, 1L), (result.In, result.Out + result.Duplicates, result.Quarantined));
        Assert.All(result.Objects, key => Assert.Matches(@"order_year=(199\d|20\d\d)/", key));
        var rejected = Assert.Single(BronzeRun.Quarantined(store));
        Assert.Equal("partition_range(order_year, 1990, 2099)", rejected["_reason"]!.GetValue<string>());
        Assert.Equal(date, rejected["order_date"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_run_whose_every_row_is_rejected_writes_no_silver_and_quarantines_them_all()
    {
        var store = BronzeRun.Run([.. BronzeRun.Orders(5).Select(line => WithOrderDate(line, "1850-01-01"))]);

        var result = await RunAsync(store);

        Assert.Equal((5L, 0L, 0L, 5L), (result.In, result.Out, result.Duplicates, result.Quarantined));
        Assert.Empty(result.Objects);
        Assert.Equal(5, BronzeRun.Quarantined(store).Count);
    }

    [Fact]
    public async Task Empty_parts_hold_nothing_to_read_alone_or_beside_others()
    {
        var empty = await RunAsync(BronzeRun.Run([]));
        Assert.Equal((0L, 0L, 0L, 0L), (empty.In, empty.Out, empty.Duplicates, empty.Quarantined));

        var store = BronzeRun.Run([], BronzeRun.Orders(10), []);
        // A zero-byte object too: no gzip member at all, so no line.
        store.Objects[$"bronze/{Folder}/part-00003.ndjson.gz"] = [];
        var mixed = await RunAsync(store);
        Assert.Equal(10L, mixed.In);
        Assert.Equal(mixed.In, mixed.Out + mixed.Duplicates + mixed.Quarantined);
    }

    [Fact]
    public async Task A_part_that_is_not_gzip_fails_the_run_naming_the_part_and_writes_nothing()
    {
        var store = BronzeRun.Run(BronzeRun.Orders(10), BronzeRun.Orders(4));
        store.Objects[$"bronze/{Folder}/part-00002.ndjson.gz"] = Encoding.UTF8.GetBytes("this is not gzip at all");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(store));

        Assert.Contains($"the part {Folder}/part-00002.ndjson.gz cannot be read as gzip", error.Message);
        Assert.DoesNotContain(store.Objects.Keys, key => key.StartsWith("silver/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json at all", "is not JSON")]
    [InlineData("[1,2,3]", "is a JSON array, not an object")]
    [InlineData("""{"table":"orders"}""", "lists neither parts nor pages")]
    [InlineData("""{"parts":[{"rows":3}]}""", "entry 0 of 'parts' has no key")]
    [InlineData("""{"parts":[42]}""", "entry 0 of 'parts' has no key")]
    [InlineData("""{"parts":[{"key":"db/orders/x.gz","rows":"three"}]}""", "gives 'rows' as \"three\", not a count")]
    [InlineData("""{"parts":[{"key":"db/orders/x.gz","rows":-1}]}""", "gives 'rows' as -1, not a count")]
    [InlineData("""{"parts":[{"key":"db/orders/x.gz"},{"key":"db/orders/x.gz"}]}""", "lists a part twice")]
    public async Task A_broken_manifest_fails_the_run_with_a_message_that_names_it(string manifest, string problem)
    {
        var store = BronzeRun.Run(BronzeRun.Orders(3));
        store.Objects[$"bronze/{Manifest}"] = Encoding.UTF8.GetBytes(manifest);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(store));

        Assert.Contains(Manifest, error.Message);
        Assert.Contains(problem, error.Message);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
