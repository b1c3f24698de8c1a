using Infra.Platform.Components.Storage;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Streaming;

/// <summary>
/// Inputs of one streaming ingestion: a stream consumed by the stream consumer function into bronze. Encryption, least-privilege permissions, partial batch
/// responses, bisect on error and the encrypted on-failure queue are always on.
/// </summary>
public sealed record StreamIngestionOptions
{
    /// <summary>The stream's instance name, e.g. <c>sessions</c>: one stack may hold several streams.</summary>
    public required string Name { get; init; }

    public required KinesisStreamResult Stream { get; init; }

    public required BucketResult Bronze { get; init; }

    public required int LogRetentionDays { get; init; }

    /// <summary>Concurrency reserved for the consumer; null leaves it unreserved (accounts with a low limit cannot reserve).</summary>
    public int? ReservedConcurrency { get; init; }

    public int BatchSize { get; init; } = StreamIngestion.DefaultBatchSize;
    public int BatchingWindowSeconds { get; init; } = StreamIngestion.DefaultBatchingWindowSeconds;
    public int MemorySizeMb { get; init; } = StreamIngestion.DefaultMemorySizeMb;
    public int TimeoutSeconds { get; init; } = StreamIngestion.DefaultTimeoutSeconds;
    public string OutputPrefix { get; init; } = StreamConsumerContract.DefaultOutputPrefix;
    public string QuarantinePrefix { get; init; } = StreamConsumerContract.DefaultQuarantinePrefix;
}
