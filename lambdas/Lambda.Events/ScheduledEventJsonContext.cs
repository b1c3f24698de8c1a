using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>Source-generated JSON for EventBridge scheduled events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScheduledEvent))]
public sealed partial class ScheduledEventJsonContext : JsonSerializerContext;
