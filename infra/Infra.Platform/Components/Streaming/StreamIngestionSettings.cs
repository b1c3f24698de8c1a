namespace Infra.Platform.Components.Streaming;

/// <summary>Streaming's settings in a stack profile: which streams, what reads each, and their capacity.</summary>
public sealed record StreamIngestionSettings
{
    public required IReadOnlyList<StreamSpec> Streams { get; init; }

    /// <summary>Shards of each provisioned stream; null means on-demand capacity.</summary>
    public required int? ShardCount { get; init; }

    public required int RetentionHours { get; init; }

    /// <summary>Concurrency reserved for each consumer; null leaves it unreserved.</summary>
    public int? ReservedConcurrency { get; init; }
}

/// <summary>One stream and its readers; a stream nothing reads is refused (nobody should pay for it).</summary>
/// <param name="Name">The stream's instance name, e.g. <c>sessions</c>.</param>
public sealed record StreamSpec(string Name)
{
    /// <summary>The stream consumer function validates, enriches and routes it into bronze (course 2).</summary>
    public bool Consumer { get; init; }

    /// <summary>Firehose delivers it to bronze through the recommendations transformation (course 1).</summary>
    public bool Recommendations { get; init; }

    /// <summary>Firehose delivers it to bronze as it comes, partitioned by hour (course 2's orders).</summary>
    public bool RawDelivery { get; init; }

    /// <summary>The tumbling-window function aggregates it into gold (course 3).</summary>
    public bool WindowedAggregates { get; init; }

    public bool HasReader => Consumer || Recommendations || RawDelivery || WindowedAggregates;
}
