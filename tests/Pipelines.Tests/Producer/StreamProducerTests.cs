using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Pipelines.Generator;
using Pipelines.LocalServers;
using Pipelines.Producer;

namespace Pipelines.Tests.Producer;

public sealed class StreamProducerTests
{
    private static readonly CourseData Data = new(new GeneratorSettings(Scale: 0.3));

    private static (StreamProducer Producer, RecordingHandler Handler, List<TimeSpan> Waits) Producer(int maxAttempts = 8)
    {
        var handler = new RecordingHandler();
        var waits = new List<TimeSpan>();
        var client = new KinesisPutRecordsClient(new HttpClient(handler), new Uri("https://kinesis.eu-west-1.amazonaws.com/"), "eu-west-1",
            () => new ImmutableCredentials("AKID", "secret", null));
        return (new StreamProducer(client, maxAttempts, pause: (wait, _) => { waits.Add(wait); return Task.CompletedTask; }), handler, waits);
    }

    private static List<PutRecordsEntry> Records(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new PutRecordsEntry($"key-{i}", Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")))];

    [Fact]
    public void Batches_respect_both_the_record_and_the_byte_limit()
    {
        Assert.Equal([500, 500, 200], StreamProducer.Batches(Records(1200)).Select(b => b.Count));
        var big = Enumerable.Range(0, 12).Select(i => new PutRecordsEntry($"k{i}", new byte[1_000_000])).ToList();
        var batches = StreamProducer.Batches(big).ToList();
        Assert.All(batches, batch => Assert.True(batch.Sum(r => r.Data.Length) <= KinesisPutRecordsClient.MaxRequestBytes));
        Assert.Equal(12, batches.Sum(b => b.Count));
    }

    [Fact]
    public async Task Records_a_response_marks_failed_are_put_again_and_only_those()
    {
        var (producer, handler, waits) = Producer();
        handler.Script.Enqueue((null, null, key => key.EndsWith('3')));
        handler.Script.Enqueue((null, null, key => key == "key-13"));

        var result = await producer.PutAllAsync("sessions", Records(120), CancellationToken.None);

        Assert.Equal(new ProduceResult(120, 0, 3, 2), result);
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"key-{i}").Order(), handler.Stored.Order());
        Assert.Equal(12, JsonDocument.Parse(handler.Bodies[1]).RootElement.GetProperty("Records").GetArrayLength());
        Assert.Equal(2, waits.Count);
    }

    [Fact]
    public async Task A_throttled_call_is_retried_whole_and_a_bad_request_is_not()
    {
        var (producer, handler, _) = Producer();
        handler.Script.Enqueue((HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException", null));
        handler.Script.Enqueue((HttpStatusCode.InternalServerError, "InternalFailure", null));

        var result = await producer.PutAllAsync("sessions", Records(10), CancellationToken.None);

        Assert.Equal(new ProduceResult(10, 0, 3, 2), result);
        handler.Script.Enqueue((HttpStatusCode.BadRequest, "ResourceNotFoundException", null));
        var error = await Assert.ThrowsAsync<KinesisRequestException>(() => producer.PutAllAsync("nope", Records(1), CancellationToken.None));
        Assert.Contains("ResourceNotFoundException", error.Message);
    }

    [Fact]
    public async Task Records_still_failing_after_every_attempt_are_counted_not_lost_silently()
    {
        var (producer, handler, _) = Producer(maxAttempts: 3);
        for (var i = 0; i < 3; i++)
        {
            handler.Script.Enqueue((null, null, key => key == "key-0"));
        }

        var result = await producer.PutAllAsync("sessions", Records(5), CancellationToken.None);

        Assert.Equal(new ProduceResult(4, 1, 3, 2), result);
    }

    [Fact]
    public async Task Generated_sessions_reach_a_kinesis_compatible_server_each_once()
    {
        using var kinesis = LocalKinesis.Start(Repository.PathOf("tests", "servers"));
        using var http = new HttpClient();
        await Call(http, kinesis.Endpoint, "CreateStream", """{"StreamName":"sessions","ShardCount":2}""");
        var client = new KinesisPutRecordsClient(http, kinesis.Endpoint, "us-east-1", () => new ImmutableCredentials("AKID", "secret", null));

        var sessions = Data["web_sessions"];
        var result = await new StreamProducer(client).PutAllAsync("sessions", GeneratedEvents.Records(sessions), CancellationToken.None);

        Assert.Equal(new ProduceResult(sessions.RowCount, 0, 1, 0), result with { Requests = 1 });
        var read = new List<string>();
        foreach (var shard in new[] { "shardId-000000000000", "shardId-000000000001" })
        {
            var iterator = (await Call(http, kinesis.Endpoint, "GetShardIterator", $$"""{"StreamName":"sessions","ShardId":"{{shard}}","ShardIteratorType":"TRIM_HORIZON"}""")).GetProperty("ShardIterator").GetString();
            var records = (await Call(http, kinesis.Endpoint, "GetRecords", $$"""{"ShardIterator":"{{iterator}}","Limit":10000}""")).GetProperty("Records");
            read.AddRange(records.EnumerateArray().Select(r => JsonDocument.Parse(Convert.FromBase64String(r.GetProperty("Data").GetString()!)).RootElement.GetProperty("session_id").GetString()!));
        }
        Assert.Equal(sessions.Rows().Select(row => (string)row[0]!).Order(), read.Order());
    }

    private static async Task<JsonElement> Call(HttpClient http, Uri endpoint, string action, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"Kinesis_20131202.{action}");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260301/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
