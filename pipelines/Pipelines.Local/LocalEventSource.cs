using System.Diagnostics;
using Lambda.Events;
using Pipelines.Producer;

namespace Pipelines.Local;

/// <summary>How the poller delivers, as an event source mapping is configured.</summary>
public sealed record EventSourceSettings(int BatchSize, TimeSpan BatchingWindow, int MaxRetries = 3);

/// <summary>What the poller did: every record delivered or pointed at, never dropped.</summary>
public sealed record PollReport(long Records, int Invocations, int Retries, int Bisections, IReadOnlyList<(string Shard, string Start, string End)> FailedBatches);

/// <summary>
/// A local stand-in for Lambda's Kinesis event source mapping: reads each shard from its oldest record,
/// hands the function batches of at most the batch size (waiting up to the batching window to fill one),
/// retries a batch from the first record its partial-batch response names, bisects a batch whose invocation
/// throws, and after the retries records the batch's pointer (shard, first and last sequence number) as the
/// on-failure destination would. It stops when every shard is caught up.
/// </summary>
public sealed class LocalEventSource(KinesisReadClient kinesis, string stream, EventSourceSettings settings, Func<KinesisEvent, CancellationToken, Task<StreamsEventResponse>> function)
{
    private int _invocations, _retries, _bisections;
    private long _records;
    private readonly List<(string, string, string)> _failed = [];

    public async Task<PollReport> RunAsync(CancellationToken cancellationToken)
    {
        foreach (var shard in await kinesis.ShardsAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            var iterator = await kinesis.IteratorAsync(stream, shard, "TRIM_HORIZON", null, cancellationToken).ConfigureAwait(false);
            var pending = new List<KinesisReadClient.StreamRecord>();
            var window = Stopwatch.StartNew();
            while (true)
            {
                var page = await kinesis.RecordsAsync(iterator, settings.BatchSize - pending.Count, cancellationToken).ConfigureAwait(false);
                pending.AddRange(page.Records);
                iterator = page.NextIterator ?? iterator;
                var caughtUp = page.Records.Count == 0 && page.MillisBehindLatest == 0;
                if (pending.Count >= settings.BatchSize || (pending.Count > 0 && (caughtUp || window.Elapsed >= settings.BatchingWindow)))
                {
                    _records += pending.Count;
                    await DeliverAsync(shard, [.. pending], 0, cancellationToken).ConfigureAwait(false);
                    pending.Clear();
                    window.Restart();
                }
                else if (caughtUp)
                {
                    break;
                }
            }
        }
        return new PollReport(_records, _invocations, _retries, _bisections, _failed);
    }

    private async Task DeliverAsync(string shard, IReadOnlyList<KinesisReadClient.StreamRecord> batch, int attempt, CancellationToken cancellationToken)
    {
        StreamsEventResponse response;
        try
        {
            _invocations++;
            response = await function(Event(shard, batch), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (batch.Count > 1)
            {
                _bisections++;
                var half = batch.Count / 2;
                await DeliverAsync(shard, batch.Take(half).ToList(), attempt, cancellationToken).ConfigureAwait(false);
                await DeliverAsync(shard, batch.Skip(half).ToList(), attempt, cancellationToken).ConfigureAwait(false);
                return;
            }
            await RetryOrGiveUpAsync(shard, batch, attempt, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (response.BatchItemFailures.Count == 0)
        {
            return;
        }
        // Lambda retries from the lowest sequence number reported: the records before it are done.
        var first = response.BatchItemFailures.Select(failure => failure.ItemIdentifier)
            .Min(Comparer<string>.Create(Pipelines.Replay.Replayer.Compare))!;
        var rest = batch.SkipWhile(record => Pipelines.Replay.Replayer.Compare(record.SequenceNumber, first) < 0).ToList();
        await RetryOrGiveUpAsync(shard, rest.Count > 0 ? rest : batch, attempt, cancellationToken).ConfigureAwait(false);
    }

    private async Task RetryOrGiveUpAsync(string shard, IReadOnlyList<KinesisReadClient.StreamRecord> batch, int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= settings.MaxRetries)
        {
            _failed.Add((shard, batch[0].SequenceNumber, batch[^1].SequenceNumber));
            return;
        }
        _retries++;
        await DeliverAsync(shard, batch, attempt + 1, cancellationToken).ConfigureAwait(false);
    }

    private KinesisEvent Event(string shard, IReadOnlyList<KinesisReadClient.StreamRecord> batch) => new()
    {
        Records = [.. batch.Select(record => new KinesisEventRecord
        {
            EventId = $"{shard}:{record.SequenceNumber}",
            EventSourceArn = $"arn:aws:kinesis:local:000000000000:stream/{stream}",
            Kinesis = new KinesisRecord { PartitionKey = record.PartitionKey, SequenceNumber = record.SequenceNumber, Data = record.Data, ApproximateArrivalTimestamp = record.ArrivalSeconds },
        })],
    };
}
