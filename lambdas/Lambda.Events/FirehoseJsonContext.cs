using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>Source-generated JSON for Firehose transformation requests and responses.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FirehoseTransformationRequest))]
[JsonSerializable(typeof(FirehoseTransformationResponse))]
public sealed partial class FirehoseJsonContext : JsonSerializerContext;
