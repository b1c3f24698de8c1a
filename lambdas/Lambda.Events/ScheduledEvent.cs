using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>An EventBridge event, such as the "Scheduled Event" of a schedule rule.</summary>
public sealed record ScheduledEvent
{
    [JsonPropertyName("version")] public string Version { get; init; } = "0";
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("detail-type")] public string DetailType { get; init; } = "Scheduled Event";
    [JsonPropertyName("source")] public string Source { get; init; } = "aws.events";
    [JsonPropertyName("account")] public string Account { get; init; } = "";
    [JsonPropertyName("time")] public DateTimeOffset Time { get; init; }
    [JsonPropertyName("region")] public string Region { get; init; } = "";
    [JsonPropertyName("resources")] public IReadOnlyList<string> Resources { get; init; } = [];
    [JsonPropertyName("detail")] public JsonElement Detail { get; init; }
}
