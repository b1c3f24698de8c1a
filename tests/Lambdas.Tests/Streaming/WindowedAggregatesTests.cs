using System.Text;
using System.Text.Json;
using Lambda.Events;
using Lambdas.Tests.Support;
using WindowedAggregates;

namespace Lambdas.Tests.Streaming;

/// <summary>Course 3's tumbling windows: totals carried in the state, written once per window, malformed events quarantined.</summary>
public class WindowedAggregatesTests
{
    private static readonly WindowedAggregatesOptions Options = new("gold", "stream_aggregates/orders", "bronze", "quarantine/order_events");
    private static readonly TimeWindow Window = new(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero));

    private static string Order(string id, string device, int quantity, decimal total) =>
        $$"""{"order_id":"{{id}}","event_time":"2026-11-24T14:31:00Z","customer_number":103,"device_type":"{{device}}","product_code":"S10_1678","product_line":"Motorcycles","quantity":{{quantity}},"total_price":{{total.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";

    private static KinesisTimeWindowEvent Batch(Dictionary<string, string> state, bool final, params string[] payloads) => new()
    {
        Records = KinesisBatch.Of(payloads).Records,
        Window = Window,
        State = state,
        ShardId = KinesisBatch.Shard,
        IsFinalInvokeForWindow = final,
    };

    [Fact]
    public async Task Totals_accumulate_across_invocations_and_the_final_one_writes_the_window_once()
    {
        var store = new MemoryObjectStore();
        var handler = new WindowedAggregatesHandler(store, Options);

        var first = await handler.HandleAsync(Batch([], false, Order("o1", "mobile", 2, 10.50m), Order("o2", "desktop", 1, 4.25m)), CancellationToken.None);
        var second = await handler.HandleAsync(Batch(first.State, false, Order("o3", "mobile", 3, 7m), "{\"order_id\":\"o4\",\"device_type\":\"tablet\",\"quantity\":0,\"total_price\":1}"), CancellationToken.None);
        Assert.DoesNotContain(store.Objects.Keys, k => k.StartsWith("gold/", StringComparison.Ordinal));
        var final = await handler.HandleAsync(Batch(second.State, true), CancellationToken.None);

        Assert.Empty(final.State);
        var key = Assert.Single(store.Objects.Keys, k => k.StartsWith("gold/", StringComparison.Ordinal));
        Assert.Equal($"gold/stream_aggregates/orders/window_start=2026-11-24T14-30-00Z/shard={KinesisBatch.Shard}.json", key);
        var result = JsonDocument.Parse(store.Objects[key]).RootElement;
        Assert.Equal(3, result.GetProperty("orders").GetInt64());
        Assert.Equal(21.75m, result.GetProperty("total_sales").GetDecimal());
        Assert.Equal(2, result.GetProperty("orders_per_device").GetProperty("mobile").GetInt64());
        Assert.Equal(1, result.GetProperty("quarantined").GetInt64());
    }

    [Fact]
    public async Task A_malformed_event_is_quarantined_with_its_reason_and_a_retried_batch_counts_once()
    {
        var store = new MemoryObjectStore();
        var handler = new WindowedAggregatesHandler(store, Options);
        var batch = Batch([], false, Order("o1", "mobile", 1, 2m), "{\"order_id\":\"o2\",\"device_type\":\"mobile\",\"quantity\":1,\"total_price\":-3}");

        var once = await handler.HandleAsync(batch, CancellationToken.None);
        var retried = await handler.HandleAsync(batch, CancellationToken.None);

        Assert.Equal(once.State, retried.State);
        Assert.Equal("1", once.State["orders"]);
        var quarantine = Assert.Single(store.Objects.Keys, k => k.StartsWith("bronze/quarantine/order_events/", StringComparison.Ordinal));
        var line = JsonDocument.Parse(Encoding.UTF8.GetString(store.Objects[quarantine]).Trim()).RootElement;
        Assert.Contains("total_price", line.GetProperty("reason").GetString());
        Assert.Equal(KinesisBatch.Sequence(1), line.GetProperty("sequence_number").GetString());
    }

    [Fact]
    public async Task A_string_that_is_not_unicode_or_an_amount_that_would_overflow_is_quarantined_and_the_rest_counted()
    {
        var store = new MemoryObjectStore();
        var handler = new WindowedAggregatesHandler(store, Options);
        var loneSurrogate = Order("o2", "mob\\ud800ile", 1, 1m);
        var notUtf8 = Encoding.UTF8.GetBytes(Order("o3", "DEVICE", 1, 1m)).Select(b => b == (byte)'D' ? (byte)0xFF : b).ToArray();
        static string Base64(string payload) => Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
        var batch = new KinesisTimeWindowEvent
        {
            Records = KinesisBatch.OfRaw(Base64(Order("o1", "mobile", 1, decimal.MaxValue)), Base64(loneSurrogate), Convert.ToBase64String(notUtf8),
                Base64(Order("o4", "mobile", 1, decimal.MaxValue)), Base64(Order("o5", "desktop", 2, 0m))).Records,
            Window = Window,
            State = [],
            ShardId = KinesisBatch.Shard,
        };

        var result = await handler.HandleAsync(batch, CancellationToken.None);

        Assert.Equal("2", result.State["orders"]);
        Assert.Equal("3", result.State["quarantined"]);
        var quarantine = Assert.Single(store.Objects.Keys, k => k.StartsWith("bronze/quarantine/order_events/", StringComparison.Ordinal));
        var reasons = Encoding.UTF8.GetString(store.Objects[quarantine]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString()!).ToList();
        Assert.Equal(2, reasons.Count(r => r.Contains("not valid Unicode", StringComparison.Ordinal)));
        Assert.Single(reasons, r => r.Contains("would overflow the window's sales", StringComparison.Ordinal));
    }

}
