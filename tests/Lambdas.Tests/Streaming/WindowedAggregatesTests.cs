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
        Assert.Equal($"gold/stream_aggregates/orders/window_start=2026-11-24T14-30-00Z/shard={KinesisBatch.Shard}/from={KinesisBatch.Sequence(0)}.json", key);
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
    public async Task A_string_that_is_not_unicode_or_an_amount_the_catalogs_decimal_cannot_hold_is_quarantined_and_the_rest_counted()
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

        Assert.Equal("1", result.State["orders"]);
        Assert.Equal("4", result.State["quarantined"]);
        var quarantine = Assert.Single(store.Objects.Keys, k => k.StartsWith("bronze/quarantine/order_events/", StringComparison.Ordinal));
        var reasons = Encoding.UTF8.GetString(store.Objects[quarantine]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString()!).ToList();
        Assert.Equal(2, reasons.Count(r => r.Contains("not valid Unicode", StringComparison.Ordinal)));
        Assert.Equal(2, reasons.Count(r => r.Contains("does not fit the catalog's decimal(14,2)", StringComparison.Ordinal)));
    }

}

/// <summary>The windowed aggregates at their limits and under bisection: the carried state stays within Lambda's 1 MB, and no quarantine line is written twice.</summary>
public class WindowedAggregatesLimitsTests
{
    private static readonly WindowedAggregatesOptions Options = new("gold", "stream_aggregates/orders", "bronze", "quarantine/order_events");
    private static readonly TimeWindow Window = new(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero));

    private static string Order(int id, string device, decimal total = 1m) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["order_id"] = $"o{id}", ["device_type"] = device, ["quantity"] = 1, ["total_price"] = total });

    private static KinesisTimeWindowEvent Batch(IReadOnlyList<KinesisEventRecord> records, Dictionary<string, string> state) => new()
    {
        Records = [.. records], Window = Window, State = state, ShardId = KinesisBatch.Shard,
    };

    [Fact]
    public async Task Device_types_at_their_limits_keep_the_state_under_a_megabyte_and_what_would_pass_them_is_quarantined_with_its_reason()
    {
        var store = new MemoryObjectStore();
        var handler = new WindowedAggregatesHandler(store, Options);
        // The longest device names, each character one that escapes to six bytes in JSON: the worst case for the state's size.
        var payloads = Enumerable.Range(0, WindowState.MaxDeviceTypes)
            .Select(i => Order(i, $"{i:D4}{new string('\u2028', WindowState.MaxDeviceTypeLength - 4)}")).ToList();
        payloads.Add(Order(9001, "one-more-device"));
        payloads.Add(Order(9002, new string('x', WindowState.MaxDeviceTypeLength + 1)));

        var result = await handler.HandleAsync(Batch(KinesisBatch.Of([.. payloads]).Records, []), CancellationToken.None);

        Assert.Equal(WindowState.MaxDeviceTypes.ToString(System.Globalization.CultureInfo.InvariantCulture), result.State["orders"]);
        Assert.Equal("2", result.State["quarantined"]);
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(result.State).Length < WindowState.MaxStateBytes);
        var reasons = store.Objects.Where(o => o.Key.StartsWith("bronze/quarantine/", StringComparison.Ordinal))
            .SelectMany(o => Encoding.UTF8.GetString(o.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains($"already counts {WindowState.MaxDeviceTypes} device types", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains($"longer than {WindowState.MaxDeviceTypeLength} characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_bisection_each_rejected_event_ends_up_in_the_quarantine_once()
    {
        var store = new MemoryObjectStore();
        var handler = new WindowedAggregatesHandler(store, Options);
        // A batch of ten with rejected events in its second half; the first attempt stores its quarantine and then fails
        // (a later write timed out), so Lambda bisects it and retries each half from the state before it. Keyed by the
        // batch's first record, the first attempt's object and the second half's would both hold them.
        var payloads = Enumerable.Range(0, 10).Select(i => i is 7 or 8 ? Order(i, "mobile", total: -1m) : Order(i, "mobile")).ToArray();
        var records = KinesisBatch.Of(payloads).Records;

        await handler.HandleAsync(Batch(records, []), CancellationToken.None);
        var firstHalf = await handler.HandleAsync(Batch([.. records.Take(5)], []), CancellationToken.None);
        await handler.HandleAsync(Batch([.. records.Skip(5)], firstHalf.State), CancellationToken.None);

        var lines = store.Objects.Where(o => o.Key.StartsWith("bronze/quarantine/", StringComparison.Ordinal))
            .SelectMany(o => Encoding.UTF8.GetString(o.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("sequence_number").GetString()!).ToList();
        Assert.Equal([KinesisBatch.Sequence(7), KinesisBatch.Sequence(8)], lines.Order());
    }
}
