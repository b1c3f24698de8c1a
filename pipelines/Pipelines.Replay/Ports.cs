using Lambda.Events;

namespace Pipelines.Replay;

/// <summary>A message waiting in the on-failure queue.</summary>
public sealed record QueuedMessage(string ReceiptHandle, string Body);

/// <summary>The on-failure queue: messages are deleted only once their batch is re-driven.</summary>
public interface IFailureQueue
{
    Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, CancellationToken cancellationToken);

    Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken);
}

/// <summary>Reads a shard's records between two sequence numbers, both included.</summary>
public interface IShardReader
{
    Task<IReadOnlyList<KinesisRecord>> ReadAsync(FailedBatch batch, CancellationToken cancellationToken);
}

/// <summary>The function the batch failed in: it gets the same event shape Lambda gave it, and answers with the records that failed again.</summary>
public interface IBatchTarget
{
    Task<IReadOnlyList<string>> InvokeAsync(KinesisEvent batch, CancellationToken cancellationToken);
}

/// <summary>The batch's first records are gone from the stream (past its retention): they cannot be re-driven from it.</summary>
public sealed class RecordsExpiredException(string message) : Exception(message);
