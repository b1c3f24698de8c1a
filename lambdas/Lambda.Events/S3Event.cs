using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>An S3 event notification.</summary>
public sealed record S3Event
{
    [JsonPropertyName("Records")] public IReadOnlyList<S3EventRecord> Records { get; init; } = [];
}

public sealed record S3EventRecord
{
    [JsonPropertyName("eventVersion")] public string EventVersion { get; init; } = "";
    [JsonPropertyName("eventSource")] public string EventSource { get; init; } = "aws:s3";
    [JsonPropertyName("awsRegion")] public string AwsRegion { get; init; } = "";
    [JsonPropertyName("eventTime")] public DateTimeOffset EventTime { get; init; }
    /// <summary>e.g. <c>ObjectCreated:Put</c>.</summary>
    [JsonPropertyName("eventName")] public string EventName { get; init; } = "";
    [JsonPropertyName("s3")] public required S3Entity S3 { get; init; }
}

public sealed record S3Entity
{
    [JsonPropertyName("s3SchemaVersion")] public string SchemaVersion { get; init; } = "1.0";
    [JsonPropertyName("configurationId")] public string ConfigurationId { get; init; } = "";
    [JsonPropertyName("bucket")] public required S3BucketEntity Bucket { get; init; }
    [JsonPropertyName("object")] public required S3ObjectEntity Object { get; init; }
}

public sealed record S3BucketEntity
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("arn")] public string Arn { get; init; } = "";
}

public sealed record S3ObjectEntity
{
    /// <summary>URL-encoded, with spaces as '+'.</summary>
    [JsonPropertyName("key")] public required string Key { get; init; }
    [JsonPropertyName("size")] public long Size { get; init; }
    [JsonPropertyName("eTag")] public string ETag { get; init; } = "";
    [JsonPropertyName("versionId")] public string? VersionId { get; init; }
    [JsonPropertyName("sequencer")] public string Sequencer { get; init; } = "";
}
