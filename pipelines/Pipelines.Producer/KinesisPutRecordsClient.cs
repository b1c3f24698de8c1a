using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Pipelines.Producer;

/// <summary>
/// The one Kinesis call the producer needs, without the Kinesis SDK: a JSON PutRecords request
/// signed with Signature Version 4 by AWSSDK.Core's signer. Results come back per record, in order.
/// </summary>
public sealed class KinesisPutRecordsClient(HttpClient http, Uri endpoint, string region, Func<ImmutableCredentials> credentials, TimeProvider? clock = null)
{
    public const string Service = "kinesis";
    public const string Target = "Kinesis_20131202.PutRecords";
    public const string ContentType = "application/x-amz-json-1.1";
    public const int MaxRecords = 500;
    public const int MaxRequestBytes = 5 * 1024 * 1024;
    public const int MaxRecordBytes = 1024 * 1024;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static Uri EndpointFor(string region) => new($"https://kinesis.{region}.amazonaws.com/");

    public async Task<IReadOnlyList<PutRecordsOutcome>> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> records, CancellationToken cancellationToken)
    {
        if (records.Count is 0 or > MaxRecords)
        {
            throw new ArgumentOutOfRangeException(nameof(records), records.Count, $"PutRecords takes 1 to {MaxRecords} records");
        }
        var body = Body(streamName, records);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        Sign(request, body);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var type = ErrorType(answer);
            var retryable = (int)response.StatusCode >= 500 || type is "ProvisionedThroughputExceededException" or "LimitExceededException" or "ThrottlingException";
            throw new KinesisRequestException($"PutRecords to {streamName} answered {(int)response.StatusCode} {type}: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)))}", retryable);
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

    /// <summary>Signature Version 4: canonical request over the headers we send, signed by AWSSDK.Core.</summary>
    private void Sign(HttpRequestMessage request, byte[] body)
    {
        var identity = credentials();
        var now = _clock.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = ContentType,
            ["host"] = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}",
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = Target,
        };
        if (identity.UseToken)
        {
            headers["x-amz-security-token"] = identity.Token;
        }
        var signedHeaders = string.Join(';', headers.Keys);
        var signature = AWS4Signer.ComputeSignature(identity, region, now, Service, signedHeaders, CanonicalRequest("POST", endpoint.AbsolutePath, "", headers, body));
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
        if (identity.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", identity.Token);
        }
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
    }

    /// <summary>The SigV4 canonical request: method, path, query, each header lower-cased and sorted, the signed names, the payload's hash.</summary>
    public static string CanonicalRequest(string method, string path, string query, SortedDictionary<string, string> headers, byte[] body) =>
        new StringBuilder()
            .Append(method).Append('\n').Append(path).Append('\n').Append(query).Append('\n')
            .Append(string.Concat(headers.Select(header => $"{header.Key}:{header.Value.Trim()}\n"))).Append('\n')
            .Append(string.Join(';', headers.Keys)).Append('\n')
            .Append(Convert.ToHexStringLower(SHA256.HashData(body)))
            .ToString();

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

    private static string ErrorType(byte[] answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            var type = document.RootElement.TryGetProperty("__type", out var value) ? value.GetString() ?? "" : "";
            return type[(type.LastIndexOf('#') + 1)..];
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
