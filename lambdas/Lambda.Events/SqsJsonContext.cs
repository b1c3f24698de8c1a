using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>Source-generated JSON for SQS events and the partial-batch response (same shape as for streams).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
public sealed partial class SqsJsonContext : JsonSerializerContext;
