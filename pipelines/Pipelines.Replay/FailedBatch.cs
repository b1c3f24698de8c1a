using System.Text.Json;

namespace Pipelines.Replay;

/// <summary>
/// What Lambda's on-failure destination records for a Kinesis batch it gave up on: where the records
/// are (stream, shard, first and last sequence number), never the records themselves.
/// </summary>
public sealed record FailedBatch(string StreamArn, string ShardId, string StartSequenceNumber, string EndSequenceNumber, int BatchSize)
{
    public string StreamName => StreamArn[(StreamArn.LastIndexOf('/') + 1)..];

    public static FailedBatch Parse(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (!document.RootElement.TryGetProperty("KinesisBatchInfo", out var info))
            {
                throw new FormatException("the message has no KinesisBatchInfo: it is not a Kinesis on-failure record");
            }
            string Text(string name) => info.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
                ? text : throw new FormatException($"KinesisBatchInfo.{name} is missing");
            return new FailedBatch(Text("streamArn"), Text("shardId"), Text("startSequenceNumber"), Text("endSequenceNumber"),
                info.TryGetProperty("batchSize", out var size) && size.TryGetInt32(out var count) ? count : 0);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the message is not JSON: {e.Message}", e);
        }
    }
}
