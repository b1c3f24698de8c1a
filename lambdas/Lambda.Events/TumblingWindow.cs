using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>
/// A Kinesis batch inside a tumbling window, with the state carried between invocations. Without a window it is a plain
/// Kinesis batch: the replay of one Lambda gave up on, which the function places in its window itself.
/// </summary>
public sealed record KinesisTimeWindowEvent
{
    [JsonPropertyName("Records")] public IReadOnlyList<KinesisEventRecord> Records { get; init; } = [];
    [JsonPropertyName("window")] public TimeWindow? Window { get; init; }
    [JsonPropertyName("state")] public Dictionary<string, string> State { get; init; } = [];
    [JsonPropertyName("shardId")] public string ShardId { get; init; } = "";
    [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; init; } = "";
    [JsonPropertyName("isFinalInvokeForWindow")] public bool IsFinalInvokeForWindow { get; init; }
    [JsonPropertyName("isWindowTerminatedEarly")] public bool IsWindowTerminatedEarly { get; init; }
}

public sealed record TimeWindow(
    [property: JsonPropertyName("start")] DateTimeOffset Start,
    [property: JsonPropertyName("end")] DateTimeOffset End);

/// <summary>The state to carry into the next invocation of the window, plus partial batch failures.</summary>
public sealed record TimeWindowEventResponse
{
    [JsonPropertyName("state")] public Dictionary<string, string> State { get; init; } = [];
    [JsonPropertyName("batchItemFailures")] public IReadOnlyList<BatchItemFailure> BatchItemFailures { get; init; } = [];
}
