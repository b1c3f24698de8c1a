using Lambdas.Tests.Support;
using Pipelines.Contracts.Data;
using Pipelines.Data.Lakehouse;
using SilverTransform;

namespace Lambdas.Tests.HostileInput;

/// <summary>
/// Silver over the shared hostile generator: no line fails the run; every line but a blank one is a record in; in = out +
/// duplicates + quarantined; every quarantined line carries its reason; untouched lines are never quarantined.
/// </summary>
public sealed class SilverTransformHostileTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("silver-hostile-generated-").FullName;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_line_is_written_deduplicated_or_quarantined_with_its_reason_and_none_fails_the_run(int seed)
    {
        var hostile = new Hostile(seed);
        var cases = BronzeOrdersRun.Orders(12).Select(hostile.Record).ToList();
        var store = BronzeOrdersRun.OfBytes([[.. cases.Take(6).Select(c => c.Bytes)], [.. cases.Skip(6).Select(c => c.Bytes)]]);
        var handler = new SilverTransformHandler(store, SilverCatalog.For(BronzeOrdersRun.Data), new SilverTransformOptions("bronze", "silver", "quarantine/silver", _work));

        var result = await handler.HandleAsync(new SilverTransformRequest { Dataset = "orders", Manifest = BronzeOrdersRun.Manifest }, CancellationToken.None);

        Assert.Equal(cases.Count(c => !NdjsonLines.IsBlank(c.Bytes)), result.In);
        Assert.Equal(result.In, result.Out + result.Duplicates + result.Quarantined);
        var quarantined = BronzeOrdersRun.Quarantined(store);
        Assert.Equal(result.Quarantined, quarantined.Count);
        Assert.All(quarantined, line => Assert.False(string.IsNullOrWhiteSpace(line["_reason"]?.GetValue<string>())));
        var quarantinedKeys = quarantined.Select(line => line["order_number"]?.ToString()).ToHashSet();
        Assert.All(cases.Where(c => c.Untouched), c => Assert.DoesNotContain(System.Text.Json.Nodes.JsonNode.Parse(c.Bytes)!["order_number"]!.ToString(), quarantinedKeys));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
