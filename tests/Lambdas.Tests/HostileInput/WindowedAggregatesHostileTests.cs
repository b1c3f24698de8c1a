using System.Text;
using System.Text.Json;
using Lambda.Events;
using Lambdas.Tests.Support;
using WindowedAggregates;

namespace Lambdas.Tests.HostileInput;

/// <summary>
/// The windowed aggregates over the shared hostile generator: no batch fails for a record; each order is counted once or
/// quarantined once (window orders + quarantined = records); good orders always counted; the carried state stays within 1 MB.
/// </summary>
public sealed class WindowedAggregatesHostileTests
{
    private const int TumblingWindowStateLimitBytes = 1024 * 1024;
    private static readonly WindowedAggregatesOptions Options = new("gold", "stream_aggregates/orders", "bronze", "quarantine/order_events");

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 30)];

    private static string Order(string id, string device, int quantity, decimal total) =>
        $$"""{"order_id":"{{id}}","event_time":"2026-11-24T14:31:00Z","customer_number":103,"device_type":"{{device}}","product_code":"S10_1678","quantity":{{quantity}},"total_price":{{total.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_order_is_counted_once_or_quarantined_once_across_a_window(int seed)
    {
        var hostile = new Hostile(seed);
        var store = new MemoryObjectStore();
        var handler = new WindowedAggregatesHandler(store, Options);
        var state = new Dictionary<string, string>();
        var cases = new List<Hostile.Case>();
        decimal goodSales = 0;
        for (var batchIndex = 0; batchIndex < 3; batchIndex++)
        {
            var batchCases = Enumerable.Range(0, 4).Select(i => hostile.Record(Order($"o{batchIndex}-{i}", hostile.Pick(["mobile", "desktop"]), i + 1, 10.25m * (i + 1)))).ToList();
            goodSales += batchCases.Select((c, i) => c.Untouched ? 10.25m * (i + 1) : 0).Sum();
            cases.AddRange(batchCases);
            var records = KinesisBatch.OfRaw([.. batchCases.Select(c => Convert.ToBase64String(c.Bytes))]).Records
                .Select((r, i) => r with { Kinesis = r.Kinesis with { SequenceNumber = KinesisBatch.Sequence(batchIndex * 4 + i) } }).ToList();
            var response = await handler.HandleAsync(new KinesisTimeWindowEvent
            {
                Records = records,
                Window = new(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero)),
                State = state,
                ShardId = KinesisBatch.Shard,
                IsFinalInvokeForWindow = false,
            }, CancellationToken.None);
            state = response.State;
            Assert.True(JsonSerializer.SerializeToUtf8Bytes(state).Length < TumblingWindowStateLimitBytes);
        }

        var quarantined = store.AllLines("bronze/quarantine/").Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var orders = long.Parse(state["orders"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(cases.Count, orders + quarantined.Count);
        Assert.Equal(quarantined.Count, quarantined.Select(q => q.GetProperty("sequence_number").GetString()).Distinct().Count());
        Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.GetProperty("reason").GetString())));
        var quarantinedData = quarantined.Select(q => q.GetProperty("data").GetString()).ToHashSet();
        Assert.All(cases.Where(c => c.Untouched), c => Assert.DoesNotContain(Convert.ToBase64String(c.Bytes), quarantinedData));
        Assert.True(decimal.Parse(state["sales"], System.Globalization.CultureInfo.InvariantCulture) >= goodSales);
    }
}
