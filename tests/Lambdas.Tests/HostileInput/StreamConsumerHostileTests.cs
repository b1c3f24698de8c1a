using System.Text.Json;
using Lambdas.Tests.Support;
using StreamConsumer;

namespace Lambdas.Tests.HostileInput;

/// <summary>The stream consumer over the shared hostile generator: no batch fails for a record; in = written + quarantined; good records always written.</summary>
public sealed class StreamConsumerHostileTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_record_is_written_or_quarantined_with_its_reason_and_none_fails_the_batch(int seed)
    {
        var hostile = new Hostile(seed);
        var cases = Enumerable.Range(0, 12).Select(i => hostile.Record(KinesisBatch.Session($"s{seed}-{i}", "France", ("S10_1678", 2, true)))).ToList();
        var store = new MemoryObjectStore();

        var outcome = await new StreamConsumerHandler(store, new StreamConsumerOptions { Bucket = "bronze" })
            .HandleAsync(KinesisBatch.OfRaw([.. cases.Select(c => Convert.ToBase64String(c.Bytes))]), CancellationToken.None);

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal((cases.Count, 0), (outcome.Received, outcome.Failed));
        Assert.Equal(cases.Count, outcome.Written + outcome.Quarantined);
        var quarantined = store.AllLines("bronze/quarantine/").Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(outcome.Quarantined, quarantined.Count);
        Assert.All(quarantined, entry => Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("reason").GetString())));
        var quarantinedData = quarantined.Select(entry => entry.GetProperty("data").GetString()).ToHashSet();
        Assert.All(cases.Where(c => c.Untouched), c => Assert.DoesNotContain(Convert.ToBase64String(c.Bytes), quarantinedData));
        var written = store.AllLines("bronze/sessions/");
        Assert.Equal(outcome.Written, written.Count());
        Assert.All(written, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }
}
