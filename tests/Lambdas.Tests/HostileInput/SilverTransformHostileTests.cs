using Lambdas.Tests.Support;
using Pipelines.Declarations.Data;
using Pipelines.Declarations.Lakehouse;
using SilverTransform;

namespace Lambdas.Tests.HostileInput;

/// <summary>
/// Silver over the shared hostile generator: no line fails the run; every line but a blank one is a record in; in = out +
/// duplicates + quarantined; every quarantined line carries its reason; untouched lines are never quarantined.
/// </summary>
public sealed class SilverTransformHostileTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("silver-hostile-generated-").FullName;

    /// <summary>Orders (a row per line), and listening sessions (a row per item of a line's list: a list of the wrong shape included).</summary>
    public static TheoryData<string, string, int> Seeds()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var seed in Enumerable.Range(0, 30))
        {
            data.Add("orders", "order_number", seed);
        }
        foreach (var seed in Enumerable.Range(0, 15))
        {
            data.Add("listening_sessions", "session_id", seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_line_is_written_deduplicated_or_quarantined_with_its_reason_and_none_fails_the_run(string name, string key, int seed)
    {
        var hostile = new Hostile(seed);
        var cases = BronzeRun.Lines(name, 12).Select(hostile.Record).ToList();
        var datasets = SilverDatasets.All;
        var dataset = datasets.Single(d => d.Name == name);
        var manifest = BronzeRun.ManifestUnder(dataset.BronzePrefix);
        var store = BronzeRun.OfBytes([[.. cases.Take(6).Select(c => c.Bytes)], [.. cases.Skip(6).Select(c => c.Bytes)]], manifest);
        var handler = new SilverTransformHandler(store, datasets, new SilverTransformOptions("bronze", "silver", "quarantine/silver", _work));

        var result = await handler.HandleAsync(new SilverTransformRequest { Dataset = name, Manifest = manifest }, CancellationToken.None);

        if (dataset.Explode is null)
        {
            Assert.Equal(cases.Count(c => !NdjsonLines.IsBlank(c.Bytes)), result.In);
        }
        Assert.Equal(result.In, result.Out + result.Duplicates + result.Quarantined);
        var quarantined = BronzeRun.Quarantined(store);
        Assert.Equal(result.Quarantined, quarantined.Count);
        Assert.All(quarantined, line => Assert.False(string.IsNullOrWhiteSpace(line["_reason"]?.GetValue<string>())));
        var quarantinedKeys = quarantined.Select(line => line[key]?.ToString()).ToHashSet();
        Assert.All(cases.Where(c => c.Untouched), c => Assert.DoesNotContain(System.Text.Json.Nodes.JsonNode.Parse(c.Bytes)![key]!.ToString(), quarantinedKeys));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
