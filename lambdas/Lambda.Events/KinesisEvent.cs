using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>A batch of Kinesis records delivered by an event source mapping.</summary>
public sealed record KinesisEvent
{
    /// <summary>Required: an event without it is not a Kinesis event. JSON null still reaches the handler, which names it.</summary>
    [JsonRequired, JsonPropertyName("Records")] public IReadOnlyList<KinesisEventRecord> Records { get; init; } = [];
}

/// <summary>One record with its delivery metadata.</summary>
public sealed record KinesisEventRecord
{
    [JsonPropertyName("kinesis")] public required KinesisRecord Kinesis { get; init; }
    /// <summary>"shardId-000000000000:sequenceNumber".</summary>
    [JsonPropertyName("eventID")] public string EventId { get; init; } = "";
    [JsonPropertyName("eventName")] public string EventName { get; init; } = "aws:kinesis:record";
    [JsonPropertyName("eventSource")] public string EventSource { get; init; } = "aws:kinesis";
    [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; init; } = "";
    [JsonPropertyName("eventVersion")] public string EventVersion { get; init; } = "1.0";
    [JsonPropertyName("awsRegion")] public string AwsRegion { get; init; } = "";
    [JsonPropertyName("invokeIdentityArn")] public string InvokeIdentityArn { get; init; } = "";

    /// <summary>The shard id, the part of <see cref="EventId"/> before the colon.</summary>
    public string ShardId => EventId.Split(':')[0];
}

/// <summary>The Kinesis data record itself.</summary>
public sealed record KinesisRecord
{
    [JsonPropertyName("kinesisSchemaVersion")] public string SchemaVersion { get; init; } = "1.0";
    [JsonPropertyName("partitionKey")] public required string PartitionKey { get; init; }
    /// <summary>Decimal string, up to 128 bits; compare as numbers, not text.</summary>
    [JsonPropertyName("sequenceNumber")] public required string SequenceNumber { get; init; }
    /// <summary>The payload, base64-encoded.</summary>
    [JsonPropertyName("data")] public required string Data { get; init; }
    /// <summary>Seconds since the Unix epoch, with fraction.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")] public double ApproximateArrivalTimestamp { get; init; }
}
