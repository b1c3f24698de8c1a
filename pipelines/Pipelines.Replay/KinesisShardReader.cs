using System.Net;
using System.Text;
using System.Text.Json;
using Lambda.Events;
using Pipelines.Producer;

namespace Pipelines.Replay;

/// <summary>
/// Reads a failed batch's records back from the stream with GetShardIterator (at its first sequence
/// number) and GetRecords, signed requests without the Kinesis SDK. If the first record read is not the
/// batch's first, or the stream refuses the position as trimmed, the records are past its retention.
/// </summary>
public sealed class KinesisShardReader(SignedAwsClient kinesis) : IShardReader
{
    public async Task<IReadOnlyList<KinesisRecord>> ReadAsync(FailedBatch batch, CancellationToken cancellationToken)
    {
        var iterator = await CallAsync("GetShardIterator", new Dictionary<string, object>
        {
            ["StreamName"] = batch.StreamName,
            ["ShardId"] = batch.ShardId,
            ["ShardIteratorType"] = "AT_SEQUENCE_NUMBER",
            ["StartingSequenceNumber"] = batch.StartSequenceNumber,
        }, batch, cancellationToken).ConfigureAwait(false);
        var next = iterator.GetProperty("ShardIterator").GetString();
        var records = new List<KinesisRecord>();
        for (var calls = 0; next is not null && calls < 10_000; calls++)
        {
            var page = await CallAsync("GetRecords", new Dictionary<string, object> { ["ShardIterator"] = next, ["Limit"] = 1000 }, batch, cancellationToken).ConfigureAwait(false);
            var read = page.GetProperty("Records").EnumerateArray().ToList();
            foreach (var record in read)
            {
                var sequence = record.GetProperty("SequenceNumber").GetString()!;
                if (records.Count == 0 && Replayer.Compare(sequence, batch.StartSequenceNumber) != 0)
                {
                    throw new RecordsExpiredException($"{batch.ShardId} starts at {sequence} now, after the batch's first record {batch.StartSequenceNumber}: the batch is past the stream's retention");
                }
                if (Replayer.Compare(sequence, batch.EndSequenceNumber) > 0)
                {
                    return records;
                }
                records.Add(new KinesisRecord
                {
                    PartitionKey = record.GetProperty("PartitionKey").GetString()!,
                    SequenceNumber = sequence,
                    Data = record.GetProperty("Data").GetString()!,
                    ApproximateArrivalTimestamp = record.TryGetProperty("ApproximateArrivalTimestamp", out var arrival) && arrival.ValueKind == JsonValueKind.Number ? arrival.GetDouble() : 0,
                });
                if (Replayer.Compare(sequence, batch.EndSequenceNumber) == 0)
                {
                    return records;
                }
            }
            var behind = page.TryGetProperty("MillisBehindLatest", out var lag) && lag.ValueKind == JsonValueKind.Number ? lag.GetInt64() : 0;
            if (read.Count == 0 && behind == 0)
            {
                break;
            }
            next = page.TryGetProperty("NextShardIterator", out var iteratorValue) ? iteratorValue.GetString() : null;
        }
        return records.Count > 0
            ? records
            : throw new RecordsExpiredException($"{batch.ShardId} holds nothing from {batch.StartSequenceNumber}: the batch is past the stream's retention");
    }

    private async Task<JsonElement> CallAsync(string action, Dictionary<string, object> request, FailedBatch batch, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, ReplayJson.Default.DictionaryStringObject);
        var (status, answer) = await kinesis.PostAsync(kinesis.Endpoint.AbsolutePath, body, SignedAwsClient.JsonContentType, $"Kinesis_20131202.{action}", cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.OK)
        {
            return JsonDocument.Parse(answer).RootElement.Clone();
        }
        var type = SignedAwsClient.ErrorType(answer);
        var text = Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)));
        // A position the shard refuses (trimmed, or from a stream since deleted and created again) cannot be re-driven.
        throw type is "TrimmedDataAccessException" || (type == "InvalidArgumentException" && action == "GetShardIterator")
            ? new RecordsExpiredException($"{batch.ShardId} no longer holds {batch.StartSequenceNumber}: the batch is past the stream's retention or the stream was recreated ({type}: {text})")
            : new InvalidOperationException($"{action} on {batch.StreamName} answered {(int)status} {type}: {text}");
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
internal sealed partial class ReplayJson : System.Text.Json.Serialization.JsonSerializerContext;
