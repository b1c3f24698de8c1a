namespace Infra.Platform.Components.Streaming;

/// <summary>Streaming ingestion's settings in a stack profile: which streams, and their capacity.</summary>
public sealed record StreamIngestionSettings
{
    /// <summary>Instance names of the streams, e.g. <c>sessions</c>; each gets its own stream, consumer and failure queue.</summary>
    public required IReadOnlyList<string> Streams { get; init; }

    /// <summary>Shards of a provisioned stream; null means on-demand capacity.</summary>
    public required int? ShardCount { get; init; }

    public required int RetentionHours { get; init; }

    /// <summary>Concurrency reserved for each consumer; null leaves it unreserved.</summary>
    public int? ReservedConcurrency { get; init; }
}
