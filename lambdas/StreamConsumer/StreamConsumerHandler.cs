using Lambda.Storage;
using Lambda.Events;

namespace StreamConsumer;

/// <summary>
/// Consumes a Kinesis batch of web sessions: validates each record, enriches it, routes it to
/// the USA or international prefix of bronze as gzip NDJSON, and quarantines any record that
/// cannot be decoded, parsed or enriched, with the reason (it is never retried). If a write
/// fails, the whole batch is reported from its first record: Lambda retries from there and
/// every retry overwrites the same keys (see <see cref="BronzeKeys"/>), so nothing is lost and
/// nothing is stored twice. Only the invocation's own deadline ends it with an exception.
/// </summary>
public sealed class StreamConsumerHandler(IObjectStore store, StreamConsumerOptions options)
{
    public const string NdjsonGzipContentType = "application/x-ndjson";
    private const string UnknownShard = "shard";

    public async Task<ConsumerOutcome> HandleAsync(KinesisEvent batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var records = Validated(batch);
        if (records.Count == 0)
        {
            return new ConsumerOutcome(new StreamsEventResponse(), 0, 0, 0, 0, null);
        }
        var shard = ShardOf(records[0]);
        var outputs = new SortedDictionary<string, BatchObject>(StringComparer.Ordinal);
        BatchObject? quarantine = null;
        var lines = new SessionLines();
        try
        {
            foreach (var record in records)
            {
                if (lines.Enriched(record, shard, out var rejection) is { } enriched)
                {
                    if (!outputs.TryGetValue(enriched.Route, out var output))
                    {
                        outputs[enriched.Route] = output = new BatchObject(
                            BronzeKeys.Output(options.OutputPrefix, enriched.Route, shard, record.Kinesis.SequenceNumber, Arrival(record.Kinesis)), Quarantine: false);
                    }
                    output.Content.Line(enriched.Line.Span);
                }
                else
                {
                    quarantine ??= new BatchObject(
                        BronzeKeys.Quarantine(options.QuarantinePrefix, shard, record.Kinesis.SequenceNumber, Arrival(record.Kinesis)), Quarantine: true);
                    quarantine.Content.Line(lines.Quarantined(record, rejection!, shard).Span);
                }
            }
            var objects = outputs.Values.ToList();
            if (quarantine is not null)
            {
                objects.Add(quarantine);
            }
            return await StoreAsync(records, objects, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var output in outputs.Values)
            {
                output.Content.Dispose();
            }
            quarantine?.Content.Dispose();
        }
    }

    private async Task<ConsumerOutcome> StoreAsync(IReadOnlyList<KinesisEventRecord> records, IReadOnlyList<BatchObject> objects, CancellationToken cancellationToken)
    {
        var written = 0;
        var quarantined = 0;
        try
        {
            foreach (var item in objects)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = item.Content.Lines;
                await store.PutAsync(options.Bucket, item.Key, item.Content.ToArray(), NdjsonGzipContentType, cancellationToken).ConfigureAwait(false);
                if (item.Quarantine)
                {
                    quarantined += count;
                }
                else
                {
                    written += count;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A store timeout surfaces from the SDK as a cancellation; only our own deadline ends the invocation.
            return new ConsumerOutcome(
                new StreamsEventResponse { BatchItemFailures = [new BatchItemFailure(records[0].Kinesis.SequenceNumber)] },
                records.Count, written, quarantined, records.Count - written - quarantined, $"{e.GetType().Name}: {e.Message}");
        }
        return new ConsumerOutcome(new StreamsEventResponse(), records.Count, written, quarantined, 0, null);
    }

    /// <summary>The batch's records; an event that is not a Kinesis batch is refused with what is wrong.</summary>
    private static IReadOnlyList<KinesisEventRecord> Validated(KinesisEvent? batch)
    {
        if (batch?.Records is not { } records)
        {
            throw new InvalidDataException("the event is not a Kinesis batch: it has no Records array");
        }
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i]?.Kinesis?.SequenceNumber is null)
            {
                throw new InvalidDataException($"the Kinesis batch's Records[{i}] has no kinesis.sequenceNumber");
            }
        }
        return records;
    }

    private static string ShardOf(KinesisEventRecord record) =>
        string.IsNullOrEmpty(record.EventId) || record.ShardId.Length == 0 ? UnknownShard : record.ShardId;

    private static DateTimeOffset Arrival(KinesisRecord record)
    {
        var milliseconds = record.ApproximateArrivalTimestamp * 1000;
        return double.IsFinite(milliseconds) && milliseconds >= 0 && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds)
            : DateTimeOffset.UnixEpoch;
    }

    private sealed record BatchObject(string Key, bool Quarantine)
    {
        public GzipNdjson Content { get; } = new();
    }
}
