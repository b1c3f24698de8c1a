using System.Text.Json.Serialization;

namespace Lambda.Events;

// Source-generated JSON, one context per event source: a function links only the metadata of the events it handles.

/// <summary>Source-generated JSON for Kinesis Data Streams events and the partial-batch response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
public sealed partial class KinesisJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON for Kinesis tumbling-window events and their state response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisTimeWindowEvent))]
[JsonSerializable(typeof(TimeWindowEventResponse))]
public sealed partial class TumblingWindowJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON for S3 event notifications.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(S3Event))]
public sealed partial class S3EventJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON for EventBridge scheduled events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScheduledEvent))]
public sealed partial class ScheduledEventJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON for SQS events and the partial-batch response (same shape as for streams).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
public sealed partial class SqsJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON for Firehose transformation requests and responses.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FirehoseTransformationRequest))]
[JsonSerializable(typeof(FirehoseTransformationResponse))]
public sealed partial class FirehoseJsonContext : JsonSerializerContext;
