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
/// from the state of the last successful invocation, store failures after any number of writes, the final invocation too
/// (which Lambda retries until it succeeds); and batches given up on after their retries (skipped: the state goes on
/// without them, the on-failure queue gets their range), once the queue is replayed.
/// </summary>
public sealed class WindowedRetryPropertyTests
{
    private static readonly WindowedAggregatesOptions Options = new("gold", "stream_aggregates/orders", "bronze", "quarantine/order_events");
    private static readonly TimeWindow Window = new(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero));

    /// <param name="SkipOnFailure">Lambda gives the batch up if this attempt fails (never the window's final invocation).</param>
    private sealed record Attempt(int Length, int FailAfterPuts, bool SkipOnFailure = false);

    /// <summary>0, 1: a valid order; 2: a negative amount; 3: not JSON; 4: a device type too long to count.</summary>
    private static readonly Gen<int[]> Events = Gen.Int[0, 4].Array[1, 30];

    private static readonly Gen<Attempt[]> Scripts = Gen.Select(Gen.Int[1, 35], Gen.Int[-1, 2], (length, fail) => new Attempt(length, fail)).Array[0, 20];

    private static readonly Gen<Attempt[]> ScriptsWithSkips =
        Gen.Select(Gen.Int[1, 35], Gen.Int[-1, 2], Gen.Bool, (length, fail, skip) => new Attempt(length, fail, skip)).Array[0, 20];

    private static string Payload(int kind, int i) => kind switch
    {
        0 or 1 => JsonSerializer.Serialize(new Dictionary<string, object> { ["order_id"] = $"o{i}", ["device_type"] = kind == 0 ? "mobile" : "desktop", ["quantity"] = 1, ["total_price"] = i + 1 }),
        2 => JsonSerializer.Serialize(new Dictionary<string, object> { ["order_id"] = $"o{i}", ["device_type"] = "mobile", ["quantity"] = 1, ["total_price"] = -1 }),
        3 => "{not json",
        _ => JsonSerializer.Serialize(new Dictionary<string, object> { ["order_id"] = $"o{i}", ["device_type"] = new string('d', WindowState.MaxDeviceTypeLength + 1), ["quantity"] = 1, ["total_price"] = 1 }),
    };

    [Fact]
    public void Every_order_counts_once_and_every_rejected_event_is_quarantined_once_under_any_retry_history() =>
        Gen.Select(Events, Scripts).Sample((kinds, script) => Holds(kinds, script), iter: 400);

    [Fact]
    public void Records_of_batches_lambda_gave_up_on_count_once_when_the_failure_queue_is_replayed() =>
        Gen.Select(Events, ScriptsWithSkips).Sample((kinds, script) => Holds(kinds, script), iter: 400);

    private static bool Holds(int[] kinds, Attempt[] script)
    {
        var memory = new MemoryObjectStore();
        var all = KinesisBatch.Of([.. kinds.Select(Payload)]).Records;
        Dictionary<string, string> state = [];
        var skipped = new List<List<KinesisEventRecord>>();
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
            catch (HttpRequestException) when (attempt.SkipOnFailure && !final)
            {
                // Retries exhausted: the on-failure queue gets the batch's range, the window goes on with the state before it.
                skipped.Add(batch);
                checkpoint += batch.Count;
            }
            catch (HttpRequestException)
            {
                // A function error: Lambda retries (or bisects) from the same checkpoint with the state before it.
            }
        }
        foreach (var batch in skipped)
        {
            // The replay tool re-drives the range as a plain Kinesis batch, as it does for the consumer.
            new WindowedAggregatesHandler(memory, Options).HandleAsync(new KinesisTimeWindowEvent { Records = batch }, CancellationToken.None).GetAwaiter().GetResult();
        }
        var results = memory.Objects.Where(o => o.Key.StartsWith("gold/", StringComparison.Ordinal)).Select(o => JsonDocument.Parse(o.Value).RootElement).ToList();
        var quarantined = memory.Objects.Where(o => o.Key.StartsWith("bronze/quarantine/", StringComparison.Ordinal))
            .SelectMany(o => Encoding.UTF8.GetString(o.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("sequence_number").GetString()!).Order(StringComparer.Ordinal).ToList();
        var rejected = all.Where((_, i) => kinds[i] >= 2).Select(r => r.Kinesis.SequenceNumber).Order(StringComparer.Ordinal).ToList();
        return results.Sum(r => r.GetProperty("orders").GetInt64()) == kinds.Count(k => k < 2)
            && results.Sum(r => r.GetProperty("quarantined").GetInt64()) == rejected.Count
            && results.Sum(r => r.GetProperty("total_sales").GetDecimal()) == kinds.Select((k, i) => k < 2 ? i + 1 : 0).Sum()
            && results.All(r => r.GetProperty("window_start").GetDateTimeOffset() == Window.Start)
            && quarantined.SequenceEqual(rejected);
    }
}
