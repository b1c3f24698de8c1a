using System.Text;
using Amazon.Runtime;
using Lambda.Events;
using Lambdas.Tests.Support;
using Pipelines.LocalServers;
using Pipelines.Producer;
using Pipelines.Replay;
using StreamConsumer;

namespace Lambdas.Tests.Streaming;

/// <summary>Re-driving failed batches from the stream (kinesalite on 127.0.0.1) through the consumer's own handler.</summary>
public sealed class ReplayTests : IDisposable
{
    private const string Stream = "sessions";
    private readonly LocalKinesis _kinesis = LocalKinesis.Start(Repository.PathOf("tests", "servers"));
    private readonly HttpClient _http = new();
    private readonly MemoryObjectStore _bronze = new();

    public void Dispose()
    {
        _http.Dispose();
        _kinesis.Dispose();
    }

    private SignedAwsClient Kinesis => new(_http, _kinesis.Endpoint, "kinesis", "us-east-1", () => new ImmutableCredentials("AKID", "secret", null));

    private sealed class FakeQueue(params string[] bodies) : IFailureQueue
    {
        public List<QueuedMessage> Waiting { get; } = [.. bodies.Select((body, i) => new QueuedMessage($"receipt-{i}", body))];
        private int _received;

        public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, CancellationToken cancellationToken)
        {
            IReadOnlyList<QueuedMessage> batch = [.. Waiting.Skip(_received).Take(max)];
            _received += batch.Count;
            return Task.FromResult(batch);
        }

        public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
        {
            Waiting.Remove(message);
            return Task.CompletedTask;
        }
    }

    private sealed class InProcessConsumer(StreamConsumerHandler handler) : IBatchTarget
    {
        public async Task<IReadOnlyList<string>> InvokeAsync(KinesisEvent batch, CancellationToken cancellationToken) =>
            [.. (await handler.HandleAsync(batch, cancellationToken)).Response.BatchItemFailures.Select(f => f.ItemIdentifier)];
    }

    private async Task<List<string>> PutSessionsAsync(int count)
    {
        // A stream being deleted refuses creation for a moment; a new one takes writes once it is active.
        await UntilAsync("CreateStream", $$"""{"StreamName":"{{Stream}}","ShardCount":1}""", answer => answer.Status == System.Net.HttpStatusCode.OK);
        await UntilAsync("DescribeStreamSummary", $$"""{"StreamName":"{{Stream}}"}""", answer => Encoding.UTF8.GetString(answer.Body).Contains("\"ACTIVE\"", StringComparison.Ordinal));
        var client = new KinesisPutRecordsClient(_http, _kinesis.Endpoint, "us-east-1", () => new ImmutableCredentials("AKID", "secret", null));
        var sequences = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var outcome = await client.PutRecordsAsync(Stream, [new PutRecordsEntry("p", Encoding.UTF8.GetBytes(KinesisBatch.Session($"s{i}", "USA", ("S10_1678", 1, true))))], CancellationToken.None);
            sequences.Add(outcome[0].SequenceNumber!);
        }
        return sequences;
    }

    private async Task UntilAsync(string action, string json, Func<(System.Net.HttpStatusCode Status, byte[] Body), bool> done)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (done(await Kinesis.PostAsync("/", Encoding.UTF8.GetBytes(json), SignedAwsClient.JsonContentType, $"Kinesis_20131202.{action}", CancellationToken.None)))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{action} did not succeed on kinesalite within 10 s");
    }

    private static string FailureMessage(string start, string end) =>
        $$$"""{"version":"1.0","timestamp":"2026-11-25T10:00:00Z","KinesisBatchInfo":{"shardId":"shardId-000000000000","startSequenceNumber":"{{{start}}}","endSequenceNumber":"{{{end}}}","batchSize":4,"streamArn":"arn:aws:kinesis:us-east-1:000000000000:stream/{{{Stream}}}"}}""";

    private Replayer Replayer(IFailureQueue queue) =>
        new(queue, new KinesisShardReader(new KinesisReadClient(Kinesis)), new InProcessConsumer(new StreamConsumerHandler(_bronze, new StreamConsumerOptions { Bucket = "bronze" })), "us-east-1");

    private List<string> SessionIds() =>
        [.. _bronze.Objects.Where(o => o.Key.StartsWith("bronze/sessions/", StringComparison.Ordinal))
            .SelectMany(o => MemoryObjectStore.Gunzip(o.Value))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("session_id").GetString()!).Order()];

    [Fact]
    public async Task A_failed_batch_is_read_back_from_the_stream_redriven_once_and_its_message_deleted()
    {
        var sequences = await PutSessionsAsync(6);
        var queue = new FakeQueue(FailureMessage(sequences[1], sequences[4]), "{\"not\":\"a failure record\"}");

        var outcomes = await Replayer(queue).RunAsync(10, CancellationToken.None);

        Assert.Equal(["s1", "s2", "s3", "s4"], SessionIds());
        var replayed = Assert.Single(outcomes, o => o.Replayed);
        Assert.Equal(4, replayed.Records);
        var kept = Assert.Single(outcomes, o => !o.Replayed);
        Assert.Contains("KinesisBatchInfo", kept.KeptBecause);
        Assert.Equal(["{\"not\":\"a failure record\"}"], queue.Waiting.Select(m => m.Body));

        // The same pointer re-driven again (a crash before the delete) stores nothing twice.
        await Replayer(new FakeQueue(FailureMessage(sequences[1], sequences[4]))).RunAsync(10, CancellationToken.None);
        Assert.Equal(["s1", "s2", "s3", "s4"], SessionIds());
    }

    [Fact]
    public async Task A_batch_the_stream_no_longer_holds_is_kept_and_named()
    {
        var old = await PutSessionsAsync(2);
        await Kinesis.PostAsync("/", Encoding.UTF8.GetBytes($$"""{"StreamName":"{{Stream}}"}"""), SignedAwsClient.JsonContentType, "Kinesis_20131202.DeleteStream", CancellationToken.None);
        await UntilAsync("DescribeStreamSummary", $$"""{"StreamName":"{{Stream}}"}""", answer => answer.Status != System.Net.HttpStatusCode.OK);
        // kinesalite's sequence numbers carry the stream's creation second: a stream recreated in the same
        // second would hand out the old numbers again, which no real stream does.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await PutSessionsAsync(2);
        var queue = new FakeQueue(FailureMessage(old[0], old[1]));

        var outcome = Assert.Single(await Replayer(queue).RunAsync(10, CancellationToken.None));

        Assert.False(outcome.Replayed);
        Assert.Contains("past the stream's retention or the stream was recreated", outcome.KeptBecause);
        Assert.Single(queue.Waiting);
        Assert.Empty(SessionIds());
    }
}
