using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;

namespace Pipelines.Producer;

/// <summary>
/// The one Kinesis call the producer needs, without the Kinesis SDK: a JSON PutRecords request
/// signed with Signature Version 4 by AWSSDK.Core's signer. Results come back per record, in order.
/// </summary>
public sealed class KinesisPutRecordsClient(HttpClient http, Uri endpoint, string region, Func<ImmutableCredentials> credentials, TimeProvider? clock = null)
{
    private readonly SignedAwsClient _client = new(http, endpoint, Service, region, credentials, clock);

    public const string Service = "kinesis";
    public const string Target = "Kinesis_20131202.PutRecords";
    public const string ContentType = SignedAwsClient.JsonContentType;
    public const int MaxRecords = 500;
    public const int MaxRequestBytes = 5 * 1024 * 1024;
    public const int MaxRecordBytes = 1024 * 1024;

    public static Uri EndpointFor(string region) => new($"https://kinesis.{region}.amazonaws.com/");

    public async Task<IReadOnlyList<PutRecordsOutcome>> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> records, CancellationToken cancellationToken)
    {
        if (records.Count is 0 or > MaxRecords)
        {
            throw new ArgumentOutOfRangeException(nameof(records), records.Count, $"PutRecords takes 1 to {MaxRecords} records");
        }
        var body = Body(streamName, records);
        var (status, answer) = await _client.PostAsync(endpoint.AbsolutePath, body, ContentType, Target, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            var type = SignedAwsClient.ErrorType(answer);
            var retryable = (int)status >= 500 || type is "ProvisionedThroughputExceededException" or "LimitExceededException" or "ThrottlingException";
            throw new KinesisRequestException($"PutRecords to {streamName} answered {(int)status} {type}: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)))}", retryable);
        }
        return Outcomes(answer, records.Count);
    }

    private static byte[] Body(string streamName, IReadOnlyList<PutRecordsEntry> records)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("StreamName", streamName);
            json.WriteStartArray("Records");
            foreach (var record in records)
            {
                if (record.Data.Length > MaxRecordBytes)
                {
                    throw new ArgumentException($"a record of {record.Data.Length} bytes exceeds Kinesis's {MaxRecordBytes}", nameof(records));
                }
                json.WriteStartObject();
                json.WriteBase64String("Data", record.Data);
                json.WriteString("PartitionKey", record.PartitionKey);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static IReadOnlyList<PutRecordsOutcome> Outcomes(byte[] answer, int expected)
    {
        using var document = JsonDocument.Parse(answer);
        var outcomes = new List<PutRecordsOutcome>(expected);
        foreach (var record in document.RootElement.GetProperty("Records").EnumerateArray())
        {
            outcomes.Add(new PutRecordsOutcome(Text(record, "SequenceNumber"), Text(record, "ShardId"), Text(record, "ErrorCode"), Text(record, "ErrorMessage")));
        }
        return outcomes.Count == expected
            ? outcomes
            : throw new InvalidDataException($"PutRecords answered for {outcomes.Count} records, not the {expected} sent");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
