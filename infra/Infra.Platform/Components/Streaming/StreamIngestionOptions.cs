using Infra.Model.Values;
using Infra.Platform.Components.Storage;

namespace Infra.Platform.Components.Streaming;

/// <summary>
/// Inputs of the streaming ingestion: a KMS-encrypted Kinesis stream consumed by the stream
/// consumer function into bronze. Encryption, least-privilege permissions, partial batch
/// responses, bisect on error and the encrypted on-failure queue are always on.
/// </summary>
public sealed record StreamIngestionOptions
{
    /// <summary>Start of physical names, e.g. <c>dataplatform-dev</c>.</summary>
    public required string NamePrefix { get; init; }
    public required Reference KmsKeyArn { get; init; }
    public required BucketResult Bronze { get; init; }

    /// <summary>Shards of a provisioned stream; null for on-demand capacity.</summary>
    public required int? ShardCount { get; init; }
    public required int RetentionHours { get; init; }
    public required int LogRetentionDays { get; init; }

    /// <summary>Concurrency reserved for the consumer; null leaves it unreserved (accounts with a low limit cannot reserve).</summary>
    public int? ReservedConcurrency { get; init; }

    public int BatchSize { get; init; } = StreamIngestion.DefaultBatchSize;
    public int BatchingWindowSeconds { get; init; } = StreamIngestion.DefaultBatchingWindowSeconds;
    public int MaximumRetryAttempts { get; init; } = StreamIngestion.DefaultMaximumRetryAttempts;
    public int MaximumRecordAgeSeconds { get; init; } = StreamIngestion.DefaultMaximumRecordAgeSeconds;
    public int MemorySizeMb { get; init; } = StreamIngestion.DefaultMemorySizeMb;
    public int TimeoutSeconds { get; init; } = StreamIngestion.DefaultTimeoutSeconds;
    public string OutputPrefix { get; init; } = StreamIngestion.DefaultOutputPrefix;
    public string QuarantinePrefix { get; init; } = StreamIngestion.DefaultQuarantinePrefix;
}
