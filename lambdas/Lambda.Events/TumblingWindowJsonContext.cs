using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>Source-generated JSON for Kinesis tumbling-window events and their state response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisTimeWindowEvent))]
[JsonSerializable(typeof(TimeWindowEventResponse))]
public sealed partial class TumblingWindowJsonContext : JsonSerializerContext;
