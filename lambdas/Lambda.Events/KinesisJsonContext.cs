using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>Source-generated JSON for Kinesis Data Streams events and the partial-batch response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
public sealed partial class KinesisJsonContext : JsonSerializerContext;
