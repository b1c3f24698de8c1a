using System.Numerics;
using System.Globalization;
using Lambda.Events;

namespace Pipelines.Replay;

/// <summary>One message's outcome: re-driven (and deleted) or kept, with the reason.</summary>
public sealed record ReplayOutcome(string ShardId, string Start, string End, int Records, bool Replayed, string? KeptBecause);

/// <summary>
/// Re-drives failed stream batches: for each on-failure message, reads the records it points at from the
/// stream, invokes the function with them as Lambda would (same sequence numbers, so the function writes
/// the same keys and nothing is stored twice), and deletes the message only when no record failed again.
/// A batch whose records are past the stream's retention, or that fails again, stays in the queue and is
/// reported; a message that is not a Kinesis failure record is reported and kept.
/// </summary>
public sealed class Replayer(IFailureQueue queue, IShardReader reader, IBatchTarget target, string region)
{
    public async Task<IReadOnlyList<ReplayOutcome>> RunAsync(int maxMessages, CancellationToken cancellationToken)
    {
        var outcomes = new List<ReplayOutcome>();
        while (outcomes.Count < maxMessages)
        {
            var messages = await queue.ReceiveAsync(Math.Min(10, maxMessages - outcomes.Count), cancellationToken).ConfigureAwait(false);
            if (messages.Count == 0)
            {
                break;
            }
            foreach (var message in messages)
            {
                outcomes.Add(await ReplayAsync(message, cancellationToken).ConfigureAwait(false));
            }
        }
        return outcomes;
    }

    private async Task<ReplayOutcome> ReplayAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        FailedBatch batch;
        try
        {
            batch = FailedBatch.Parse(message.Body);
        }
        catch (FormatException e)
        {
            return new ReplayOutcome("?", "?", "?", 0, false, e.Message);
        }
        IReadOnlyList<KinesisRecord> records;
        try
        {
            records = await reader.ReadAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (RecordsExpiredException e)
        {
            return new ReplayOutcome(batch.ShardId, batch.StartSequenceNumber, batch.EndSequenceNumber, 0, false, e.Message);
        }
        var failed = await target.InvokeAsync(Event(batch, records), cancellationToken).ConfigureAwait(false);
        if (failed.Count > 0)
        {
            return new ReplayOutcome(batch.ShardId, batch.StartSequenceNumber, batch.EndSequenceNumber, records.Count, false,
                $"{failed.Count} record(s) failed again, first {failed[0]}: see the function's logs");
        }
        await queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
        return new ReplayOutcome(batch.ShardId, batch.StartSequenceNumber, batch.EndSequenceNumber, records.Count, true, null);
    }

    private KinesisEvent Event(FailedBatch batch, IReadOnlyList<KinesisRecord> records) => new()
    {
        Records = [.. records.Select(record => new KinesisEventRecord
        {
            Kinesis = record,
            EventId = $"{batch.ShardId}:{record.SequenceNumber}",
            EventSourceArn = batch.StreamArn,
            AwsRegion = region,
        })],
    };

    /// <summary>Kinesis sequence numbers are decimal integers of up to 128 bits: compared as numbers, not text.</summary>
    public static int Compare(string a, string b) =>
        BigInteger.Parse(a, CultureInfo.InvariantCulture).CompareTo(BigInteger.Parse(b, CultureInfo.InvariantCulture));
}
