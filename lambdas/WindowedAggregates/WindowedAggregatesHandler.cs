using System.Text;
using System.Text.Json;
using Lambda.Events;
using Lambda.Storage;
using Pipelines.Declarations.Functions;

namespace WindowedAggregates;

/// <summary>
/// Course 3's streaming queries on Lambda tumbling windows: each batch of order events adds to its
/// window's totals (orders, sales, orders per device type); malformed events are written to the
/// quarantine with their reason under a key fixed by the batch's first rejected record (its sequence
/// number); at the window's final invocation its totals are written under a key fixed by window, shard and
/// the first record they hold. A batch Lambda gave up on after its retries is missing from those totals; the
/// replay tool re-drives it as a plain Kinesis batch (no window), which is counted alone and written as a
/// result of its own, named by its first record — so a window's totals are the sum of its result objects, each
/// record in exactly one, however often a replay runs.
/// Lambda retries from the checkpoint forward in batches of any length (halves at any depth when it
/// bisects), and hands a retried batch the state from before it: whichever batch finally stores a rejected
/// record starts its quarantine object at the same record, overwriting an earlier attempt's, or at a later
/// one whose earlier objects never held it — so nothing is counted or quarantined twice.
/// </summary>
public sealed class WindowedAggregatesHandler(IObjectStore store, WindowedAggregatesOptions options)
{
    public async Task<TimeWindowEventResponse> HandleAsync(KinesisTimeWindowEvent batch, CancellationToken cancellationToken)
    {
        batch = batch.Window is null ? Replayed(batch) : batch;
        var state = WindowState.From(batch.State);
        state.First ??= batch.Records.FirstOrDefault()?.Kinesis.SequenceNumber;
        var rejected = new StringBuilder();
        string? firstRejected = null;
        foreach (var record in batch.Records)
        {
            var (order, reason) = OrderEvent.Parse(record.Kinesis.Data);
            if (order is not null)
            {
                reason = Count(state, order);
            }
            if (reason is not null)
            {
                state.Reject();
                firstRejected ??= record.Kinesis.SequenceNumber;
                rejected.Append(JsonSerializer.Serialize(new QuarantinedEvent(record.Kinesis.SequenceNumber, reason!, record.Kinesis.Data), AggregatesJson.Default.QuarantinedEvent)).Append('\n');
            }
        }
        if (firstRejected is not null)
        {
            var key = $"{options.QuarantinePrefix}/shard={batch.ShardId}/{firstRejected}.ndjson";
            await store.PutAsync(options.QuarantineBucket, key, Encoding.UTF8.GetBytes(rejected.ToString()), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        }
        if (batch.IsFinalInvokeForWindow)
        {
            var result = new WindowResult(batch.Window!.Start, batch.Window.End, batch.ShardId, state.Orders, state.Sales, state.OrdersPerDevice, state.Quarantined, batch.IsWindowTerminatedEarly);
            await store.PutAsync(options.Bucket, WindowKey(batch, state.First), JsonSerializer.SerializeToUtf8Bytes(result, AggregatesJson.Default.WindowResult), "application/json", cancellationToken).ConfigureAwait(false);
            return new TimeWindowEventResponse();
        }
        return new TimeWindowEventResponse { State = state.ToMap() };
    }

    /// <summary>The result object of a window's totals on a shard, from the first record they hold (none: an empty window).</summary>
    public string WindowKey(KinesisTimeWindowEvent batch, string? first) =>
        $"{options.OutputPrefix}/window_start={batch.Window!.Start.UtcDateTime:yyyy-MM-ddTHH-mm-ssZ}/shard={batch.ShardId}/from={first ?? "none"}.json";

    /// <summary>
    /// A replayed batch as the final invocation of a window of its own: the window Lambda placed its records in (by arrival
    /// time, windows aligned to the epoch), the shard from the records' event ids, no state carried in or out.
    /// </summary>
    private static KinesisTimeWindowEvent Replayed(KinesisTimeWindowEvent batch)
    {
        var first = batch.Records.FirstOrDefault() ?? throw new InvalidDataException("a replayed batch without records or a window: nothing to count");
        var length = WindowedAggregatesContract.DefaultWindowSeconds;
        var arrival = (long)Math.Floor(first.Kinesis.ApproximateArrivalTimestamp);
        var start = DateTimeOffset.FromUnixTimeSeconds(arrival - arrival % length);
        var shard = first.EventId.Split(':')[0];
        return batch with { Window = new TimeWindow(start, start.AddSeconds(length)), State = [], ShardId = shard, IsFinalInvokeForWindow = true };
    }

    /// <summary>
    /// Counts the order in the window; or, changing nothing, says why it cannot be: its amount would overflow the window's
    /// sales, or its device type would grow the state Lambda carries between invocations past what it may hold.
    /// </summary>
    private static string? Count(WindowState state, OrderEvent order)
    {
        if (order.DeviceType.Length > WindowState.MaxDeviceTypeLength)
        {
            return $"device_type is longer than {WindowState.MaxDeviceTypeLength} characters";
        }
        if (!state.OrdersPerDevice.ContainsKey(order.DeviceType) && state.OrdersPerDevice.Count >= WindowState.MaxDeviceTypes)
        {
            return $"the window already counts {WindowState.MaxDeviceTypes} device types; another would grow its state without bound";
        }
        try
        {
            state.Add(order);
            return null;
        }
        catch (OverflowException)
        {
            return $"total_price {order.TotalPrice} would overflow the window's sales";
        }
    }
}

/// <summary>One window's totals for one shard.</summary>
public sealed record WindowResult(DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Shard, long Orders, decimal TotalSales,
    IReadOnlyDictionary<string, long> OrdersPerDevice, long Quarantined, bool TerminatedEarly);

public sealed record QuarantinedEvent(string SequenceNumber, string Reason, string Data);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(WindowResult))]
[System.Text.Json.Serialization.JsonSerializable(typeof(QuarantinedEvent))]
public sealed partial class AggregatesJson : System.Text.Json.Serialization.JsonSerializerContext;
