using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>Source-generated serialization for every event model: no reflection, safe for Native AOT.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
[JsonSerializable(typeof(KinesisTimeWindowEvent))]
[JsonSerializable(typeof(TimeWindowEventResponse))]
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(ScheduledEvent))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(FirehoseTransformationRequest))]
[JsonSerializable(typeof(FirehoseTransformationResponse))]
public sealed partial class EventJsonContext : JsonSerializerContext;
