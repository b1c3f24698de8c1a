using System.Text;
using Lambda.Storage;
using Lambdas.Tests.Support;
using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using SilverTransform;

namespace Lambdas.Tests.SilverTransform;

/// <summary>The silver handler over a bronze run written as the extract function writes it.</summary>
public sealed class SilverTransformHandlerTests : IDisposable
{
    private const string Manifest = BronzeRun.Manifest;
    private readonly string _work = Directory.CreateTempSubdirectory("silver-handler-").FullName;
    private static CourseData Data => BronzeRun.Data;

    private SilverTransformHandler Handler(MemoryObjectStore store) =>
        new(store, SilverDatasets.All, new SilverTransformOptions("bronze", "silver", "quarantine/silver", _work));

    [Fact]
    public async Task A_run_becomes_partitioned_parquet_under_its_run_and_rejected_rows_a_quarantine()
    {
        var store = new MemoryObjectStore();
        BronzeRun.Write(store, "bronze");

        var result = await Handler(store).HandleAsync(new SilverTransformRequest { Dataset = "orders", Manifest = Manifest }, CancellationToken.None);

        var spoiled = Data["orders"].BadRows().Count(b => b.Kind == BadRowKind.MissingRequired);
        Assert.Equal((Data["orders"].RowCount, Data["orders"].RowCount - spoiled, 0L, (long)spoiled), (result.In, result.Out, result.Duplicates, result.Quarantined));
        Assert.All(result.Objects, key => Assert.Matches(@"^orders/order_year=\d{4}/20260301T060000Z-000001-part-0\.parquet$", key));
        Assert.All(result.Objects, key => Assert.True(store.Objects.ContainsKey($"silver/{key}")));
        Assert.True(store.Objects.ContainsKey("bronze/quarantine/silver/orders/run=20260301T060000Z-000001/rejected.ndjson"));
        Assert.Empty(Directory.GetFileSystemEntries(_work));
    }

    [Fact]
    public async Task A_rerun_writes_the_same_keys_with_the_same_content()
    {
        var store = new MemoryObjectStore();
        BronzeRun.Write(store, "bronze");
        var request = new SilverTransformRequest { Dataset = "orders", Manifest = Manifest };

        var first = await Handler(store).HandleAsync(request, CancellationToken.None);
        var snapshot = store.Objects.Where(o => o.Key.StartsWith("silver/", StringComparison.Ordinal)).ToDictionary(o => o.Key, o => Convert.ToHexString(o.Value));
        var second = await Handler(store).HandleAsync(request, CancellationToken.None);

        Assert.Equal(first.Objects, second.Objects);
        Assert.Equal(snapshot, store.Objects.Where(o => o.Key.StartsWith("silver/", StringComparison.Ordinal)).ToDictionary(o => o.Key, o => Convert.ToHexString(o.Value)));
    }

    [Fact]
    public async Task A_part_holding_fewer_lines_than_its_manifest_lists_fails_the_run_with_the_numbers_and_writes_nothing()
    {
        var store = new MemoryObjectStore();
        BronzeRun.Write(store, "bronze");
        var key = store.Objects.Keys.Single(k => k.EndsWith("part-00002.ndjson.gz", StringComparison.Ordinal));
        using var shorter = new GzipNdjson();
        foreach (var line in Lines(store.Objects[key]).SkipLast(3))
        {
            shorter.Line(Encoding.UTF8.GetBytes(line));
        }
        store.Objects[key] = shorter.ToArray();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Handler(store).HandleAsync(new SilverTransformRequest { Dataset = "orders", Manifest = Manifest }, CancellationToken.None));

        var listed = Data["orders"].RowCount - (Data["orders"].RowCount / 2 + 1);
        Assert.Contains($"lists {listed} lines in {key["bronze/".Length..]}", error.Message);
        Assert.Contains($"holds {listed - 3}", error.Message);
        Assert.DoesNotContain(store.Objects.Keys, k => k.StartsWith("silver/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Lines(byte[] gzip)
    {
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    [Theory]
    [InlineData("nope", Manifest, "no silver dataset 'nope'")]
    [InlineData("customers", Manifest, "not under customers's bronze prefix db/customers/")]
    [InlineData("orders", "db/orders/ingest_date=2026-03-01/run=missing/_manifest.json", "no manifest")]
    public async Task Bad_requests_are_refused_naming_what_is_wrong(string dataset, string manifest, string message)
    {
        var store = new MemoryObjectStore();
        BronzeRun.Write(store, "bronze");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Handler(store).HandleAsync(new SilverTransformRequest { Dataset = dataset, Manifest = manifest }, CancellationToken.None));

        Assert.Contains(message, error.Message);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
