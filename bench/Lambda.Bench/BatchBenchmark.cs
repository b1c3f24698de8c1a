using Lambda.Storage;
using System.Diagnostics;
using System.Text.Json;
using StreamConsumer;

namespace Lambda.Bench;

/// <summary>
/// One full 10,000-record batch through the consumer in-process, objects kept in memory.
/// Baseline in the same run: only decoding and parsing every record (work no consumer can skip).
/// </summary>
internal static class BatchBenchmark
{
    private const double TargetMilliseconds = 100;

    public static async Task RunAsync(bool smoke)
    {
        var (Records, Runs) = smoke ? (200, 3) : (10_000, 30);
        var batch = Sessions.Batch(Records);
        var handler = new StreamConsumerHandler(new DiscardingStore(), new StreamConsumerOptions { Bucket = "bench" });
        for (var i = 0; i < 3; i++)
        {
            await handler.HandleAsync(batch, CancellationToken.None);
        }
        var times = new double[Runs];
        var baseline = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var outcome = await handler.HandleAsync(batch, CancellationToken.None);
            times[i] = watch.Elapsed.TotalMilliseconds;
            if (!outcome.Reconciles || outcome.Received != Records)
            {
                throw new InvalidOperationException("counts do not reconcile");
            }
            watch.Restart();
            foreach (var record in batch.Records)
            {
                using var document = JsonDocument.Parse(Convert.FromBase64String(record.Kinesis.Data));
            }
            baseline[i] = watch.Elapsed.TotalMilliseconds;
        }
        var median = Measure.Median(times);
        var parse = Measure.Median(baseline);
        Console.WriteLine($"consumer, {Records} records, median of {Runs}: {median,8:F2} ms   target < {TargetMilliseconds} ms: {(median < TargetMilliseconds ? "met" : "MISSED")}");
        Console.WriteLine($"baseline decode+parse only:              {parse,8:F2} ms   ratio consumer/baseline {median / parse:F2}");
        BenchRun.Ratio("Lambda.Bench batch", $"consumer / decode+parse of {Records} records", median / parse, "— (batch itself < 100 ms)");
    }

    private sealed class DiscardingStore : IObjectStore
    {
        public Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<byte[]?> GetAsync(string bucket, string key, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);
    }
}
