using System.Text;
using System.Text.Json;
using CsCheck;
using Lambda.Events;
using Lambdas.Tests.Support;
using WindowedAggregates;

namespace Lambdas.Tests.Streaming;

/// <summary>
/// Every order is counted in its window exactly once, and every rejected event quarantined exactly once, whatever Lambda
/// does: batches of any length from the checkpoint (the same again, longer, shorter, halves at any depth), each retried
/// from the state of the last successful invocation, store failures after any number of writes, the final invocation too.
/// </summary>
public sealed class WindowedRetryPropertyTests
{
    private static readonly WindowedAggregatesOptions Options = new("gold", "stream_aggregates/orders", "bronze", "quarantine/order_events");
    private static readonly TimeWindow Window = new(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero));

    private sealed record Attempt(int Length, int FailAfterPuts);

    /// <summary>0, 1: a valid order; 2: a negative amount; 3: not JSON; 4: a device type too long to count.</summary>
    private static readonly Gen<int[]> Events = Gen.Int[0, 4].Array[1, 30];

    private static readonly Gen<Attempt[]> Scripts = Gen.Select(Gen.Int[1, 35], Gen.Int[-1, 2], (length, fail) => new Attempt(length, fail)).Array[0, 20];

    private static string Payload(int kind, int i) => kind switch
    {
        0 or 1 => JsonSerializer.Serialize(new Dictionary<string, object> { ["order_id"] = $"o{i}", ["device_type"] = kind == 0 ? "mobile" : "desktop", ["quantity"] = 1, ["total_price"] = i + 1 }),
        2 => JsonSerializer.Serialize(new Dictionary<string, object> { ["order_id"] = $"o{i}", ["device_type"] = "mobile", ["quantity"] = 1, ["total_price"] = -1 }),
        3 => "{not json",
        _ => JsonSerializer.Serialize(new Dictionary<string, object> { ["order_id"] = $"o{i}", ["device_type"] = new string('d', WindowState.MaxDeviceTypeLength + 1), ["quantity"] = 1, ["total_price"] = 1 }),
    };

    [Fact]
    public void Every_order_counts_once_and_every_rejected_event_is_quarantined_once_under_any_retry_history()
    {
        Gen.Select(Events, Scripts).Sample((kinds, script) =>
        {
            var memory = new MemoryObjectStore();
            var all = KinesisBatch.Of([.. kinds.Select(Payload)]).Records;
            Dictionary<string, string> state = [];
            var checkpoint = 0;
            for (var step = 0; ; step++)
            {
                var attempt = step < script.Length ? script[step] : new Attempt(all.Count, -1);
                var batch = all.Skip(checkpoint).Take(attempt.Length).ToList();
                var final = checkpoint + batch.Count >= all.Count;
                var handler = new WindowedAggregatesHandler(new ScriptedStore(memory, attempt.FailAfterPuts, null), Options);
                try
                {
                    var response = handler.HandleAsync(new KinesisTimeWindowEvent
                    {
                        Records = batch, Window = Window, State = state, ShardId = KinesisBatch.Shard, IsFinalInvokeForWindow = final,
                    }, CancellationToken.None).GetAwaiter().GetResult();
                    state = response.State;
                    checkpoint += batch.Count;
                    if (final)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // A function error: Lambda retries (or bisects) from the same checkpoint with the state before it.
                }
            }
            var result = JsonDocument.Parse(memory.Objects.Single(o => o.Key.StartsWith("gold/", StringComparison.Ordinal)).Value).RootElement;
            var quarantined = memory.Objects.Where(o => o.Key.StartsWith("bronze/quarantine/", StringComparison.Ordinal))
                .SelectMany(o => Encoding.UTF8.GetString(o.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("sequence_number").GetString()!).Order(StringComparer.Ordinal).ToList();
            var rejected = all.Where((_, i) => kinds[i] >= 2).Select(r => r.Kinesis.SequenceNumber).Order(StringComparer.Ordinal).ToList();
            return result.GetProperty("orders").GetInt64() == kinds.Count(k => k < 2)
                && result.GetProperty("quarantined").GetInt64() == rejected.Count
                && result.GetProperty("total_sales").GetDecimal() == kinds.Select((k, i) => k < 2 ? i + 1 : 0).Sum()
                && quarantined.SequenceEqual(rejected);
        }, iter: 400);
    }
}
