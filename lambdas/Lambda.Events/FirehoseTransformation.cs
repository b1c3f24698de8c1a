using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>A Firehose data-transformation request.</summary>
public sealed record FirehoseTransformationRequest
{
    [JsonPropertyName("invocationId")] public string InvocationId { get; init; } = "";
    [JsonPropertyName("deliveryStreamArn")] public string DeliveryStreamArn { get; init; } = "";
    [JsonPropertyName("region")] public string Region { get; init; } = "";
    [JsonPropertyName("records")] public IReadOnlyList<FirehoseRecord> Records { get; init; } = [];
}

public sealed record FirehoseRecord
{
    [JsonPropertyName("recordId")] public required string RecordId { get; init; }
    [JsonPropertyName("approximateArrivalTimestamp")] public long ApproximateArrivalTimestamp { get; init; }
    /// <summary>Base64-encoded payload.</summary>
    [JsonPropertyName("data")] public required string Data { get; init; }
}

/// <summary>The transformed records; every request record must come back with its id.</summary>
public sealed record FirehoseTransformationResponse
{
    [JsonPropertyName("records")] public IReadOnlyList<FirehoseResultRecord> Records { get; init; } = [];
}

public sealed record FirehoseResultRecord
{
    public const string Ok = "Ok";
    public const string Dropped = "Dropped";
    public const string ProcessingFailed = "ProcessingFailed";

    [JsonPropertyName("recordId")] public required string RecordId { get; init; }
    /// <summary><see cref="Ok"/>, <see cref="Dropped"/> or <see cref="ProcessingFailed"/>.</summary>
    [JsonPropertyName("result")] public required string Result { get; init; }
    [JsonPropertyName("data")] public required string Data { get; init; }
    [JsonPropertyName("metadata")] public FirehoseMetadata? Metadata { get; init; }
}

/// <summary>Keys for Firehose dynamic partitioning.</summary>
public sealed record FirehoseMetadata([property: JsonPropertyName("partitionKeys")] Dictionary<string, string> PartitionKeys);
