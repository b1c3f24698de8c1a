using Lambda.Events;
using Pipelines.Producer;

namespace Pipelines.Replay;

/// <summary>
/// Reads a failed batch's records back from the stream (at its first sequence number, up to its last). If the
/// first record read is not the batch's first, or the shard refuses the position (trimmed, or from a stream
/// since deleted and created again), the batch cannot be re-driven from the stream.
/// </summary>
public sealed class KinesisShardReader(KinesisReadClient kinesis) : IShardReader
{
    public async Task<IReadOnlyList<KinesisRecord>> ReadAsync(FailedBatch batch, CancellationToken cancellationToken)
    {
        string? next;
        try
        {
            next = await kinesis.IteratorAsync(batch.StreamName, batch.ShardId, "AT_SEQUENCE_NUMBER", batch.StartSequenceNumber, cancellationToken).ConfigureAwait(false);
        }
        catch (KinesisReadException e) when (e.ErrorType is "TrimmedDataAccessException" or "InvalidArgumentException")
        {
            throw new RecordsExpiredException($"{batch.ShardId} no longer holds {batch.StartSequenceNumber}: the batch is past the stream's retention or the stream was recreated ({e.Message})");
        }
        var records = new List<KinesisRecord>();
        for (var calls = 0; next is not null && calls < 10_000; calls++)
        {
            var page = await kinesis.RecordsAsync(next, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Records)
            {
                if (records.Count == 0 && Replayer.Compare(record.SequenceNumber, batch.StartSequenceNumber) != 0)
                {
                    throw new RecordsExpiredException($"{batch.ShardId} starts at {record.SequenceNumber} now, after the batch's first record {batch.StartSequenceNumber}: the batch is past the stream's retention");
                }
                if (Replayer.Compare(record.SequenceNumber, batch.EndSequenceNumber) > 0)
                {
                    return records;
                }
                records.Add(new KinesisRecord { PartitionKey = record.PartitionKey, SequenceNumber = record.SequenceNumber, Data = record.Data, ApproximateArrivalTimestamp = record.ArrivalSeconds });
                if (Replayer.Compare(record.SequenceNumber, batch.EndSequenceNumber) == 0)
                {
                    return records;
                }
            }
            if (page.Records.Count == 0 && page.MillisBehindLatest == 0)
            {
                break;
            }
            next = page.NextIterator;
        }
        return records.Count > 0
            ? records
            : throw new RecordsExpiredException($"{batch.ShardId} holds nothing from {batch.StartSequenceNumber}: the batch is past the stream's retention");
    }
}
