using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>Source-generated JSON for S3 event notifications.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(S3Event))]
public sealed partial class S3EventJsonContext : JsonSerializerContext;
