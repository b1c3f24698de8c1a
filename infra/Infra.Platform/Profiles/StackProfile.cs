namespace Infra.Platform.Profiles;

/// <summary>What a stack holds and how it treats data; chosen by the stack's name.</summary>
public sealed record StackProfile
{
    public required string Stack { get; init; }

    /// <summary>dev, prod or course: the value <c>dataplatform:environment</c> must have.</summary>
    public required string Environment { get; init; }

    /// <summary>The course the stack teaches, or <see cref="AllCourses"/> for an environment stack.</summary>
    public required string Course { get; init; }

    /// <summary>
    /// Whether data stores are protected and kept when removed from the stack. Off means
    /// the stack opts in to destroyable data (force-destroy buckets), as dev and course stacks do.
    /// </summary>
    public required bool RetainData { get; init; }

    public required int KeyDeletionWindowDays { get; init; }

    public required int DefaultNoncurrentVersionDays { get; init; }

    public required int DefaultAccessLogRetentionDays { get; init; }

    /// <summary>Kinesis stream and stream consumer (course 1 web sessions, course 2 orders).</summary>
    public required bool StreamIngestion { get; init; }

    /// <summary>Shards of a provisioned stream; null means on-demand capacity.</summary>
    public required int? StreamShardCount { get; init; }

    public required int StreamRetentionHours { get; init; }

    public required int LogRetentionDays { get; init; }

    public const string AllCourses = "all";
}
