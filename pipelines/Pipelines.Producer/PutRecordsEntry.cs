namespace Pipelines.Producer;

/// <summary>One record to put: its partition key (which shard) and its bytes.</summary>
public sealed record PutRecordsEntry(string PartitionKey, byte[] Data);

/// <summary>What Kinesis said about one record of a PutRecords call: stored (sequence number) or not (error code).</summary>
public sealed record PutRecordsOutcome(string? SequenceNumber, string? ShardId, string? ErrorCode, string? ErrorMessage)
{
    public bool Failed => ErrorCode is not null;
}

/// <summary>The whole call was refused: <see cref="Retryable"/> for throttling and server errors, not for bad requests.</summary>
public sealed class KinesisRequestException(string message, bool retryable) : Exception(message)
{
    public bool Retryable { get; } = retryable;
}
