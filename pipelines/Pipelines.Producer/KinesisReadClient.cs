using System.Net;
using System.Text;
using System.Text.Json;

namespace Pipelines.Producer;

/// <summary>The Kinesis read calls (signed, no SDK): shards, an iterator, records. Replay and the local event-source poller read with it.</summary>
public sealed class KinesisReadClient(SignedAwsClient kinesis)
{
    /// <summary>One record as GetRecords returns it; <paramref name="Data"/> stays base64, as Lambda passes it on.</summary>
    public sealed record StreamRecord(string SequenceNumber, string PartitionKey, string Data, double ArrivalSeconds);

    public sealed record RecordsPage(IReadOnlyList<StreamRecord> Records, string? NextIterator, long MillisBehindLatest);

    public async Task<IReadOnlyList<string>> ShardsAsync(string stream, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("ListShards", new Dictionary<string, object> { ["StreamName"] = stream }, cancellationToken).ConfigureAwait(false);
        return [.. answer.GetProperty("Shards").EnumerateArray().Select(shard => shard.GetProperty("ShardId").GetString()!)];
    }

    /// <param name="type"><c>TRIM_HORIZON</c>, or <c>AT_SEQUENCE_NUMBER</c> / <c>AFTER_SEQUENCE_NUMBER</c> with <paramref name="sequenceNumber"/>.</param>
    public async Task<string> IteratorAsync(string stream, string shard, string type, string? sequenceNumber, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, object> { ["StreamName"] = stream, ["ShardId"] = shard, ["ShardIteratorType"] = type };
        if (sequenceNumber is not null)
        {
            request["StartingSequenceNumber"] = sequenceNumber;
        }
        var answer = await CallAsync("GetShardIterator", request, cancellationToken).ConfigureAwait(false);
        return answer.GetProperty("ShardIterator").GetString()!;
    }

    public async Task<RecordsPage> RecordsAsync(string iterator, int limit, CancellationToken cancellationToken)
    {
        var page = await CallAsync("GetRecords", new Dictionary<string, object> { ["ShardIterator"] = iterator, ["Limit"] = limit }, cancellationToken).ConfigureAwait(false);
        var records = page.GetProperty("Records").EnumerateArray().Select(record => new StreamRecord(
            record.GetProperty("SequenceNumber").GetString()!,
            record.GetProperty("PartitionKey").GetString()!,
            record.GetProperty("Data").GetString()!,
            record.TryGetProperty("ApproximateArrivalTimestamp", out var arrival) && arrival.ValueKind == JsonValueKind.Number ? arrival.GetDouble() : 0)).ToList();
        return new RecordsPage(records,
            page.TryGetProperty("NextShardIterator", out var next) ? next.GetString() : null,
            page.TryGetProperty("MillisBehindLatest", out var lag) && lag.ValueKind == JsonValueKind.Number ? lag.GetInt64() : 0);
    }

    private async Task<JsonElement> CallAsync(string action, Dictionary<string, object> request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request);
        var (status, answer) = await kinesis.PostAsync(kinesis.Endpoint.AbsolutePath, body, SignedAwsClient.JsonContentType, $"Kinesis_20131202.{action}", cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.OK)
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.Clone();
        }
        throw new KinesisReadException(action, SignedAwsClient.ErrorType(answer), $"{action} answered {(int)status}: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)))}");
    }
}

/// <summary>A read call refused; <see cref="ErrorType"/> is the service's error name (e.g. TrimmedDataAccessException).</summary>
public sealed class KinesisReadException(string action, string errorType, string message) : Exception(message)
{
    public string Action { get; } = action;
    public string ErrorType { get; } = errorType;
}
