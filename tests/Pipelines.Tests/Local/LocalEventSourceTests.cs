using System.Text;
using Amazon.Runtime;
using Lambda.Events;
using Pipelines.Local;
using Pipelines.LocalServers;
using Pipelines.Producer;

namespace Pipelines.Tests.Local;

/// <summary>The local event-source poller against kinesalite: batch size, partial-batch retries, bisection, the failure pointer.</summary>
public sealed class LocalEventSourceTests : IDisposable
{
    private readonly LocalKinesis _kinesis = LocalKinesis.Start(Repository.PathOf("tests", "servers"));
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _kinesis.Dispose();
    }

    private SignedAwsClient Signed => new(_http, _kinesis.Endpoint, "kinesis", "us-east-1", () => new ImmutableCredentials("AKID", "secret", null));

    private async Task PutAsync(int count)
    {
        await Signed.PostAsync("/", Encoding.UTF8.GetBytes("""{"StreamName":"s","ShardCount":1}"""), SignedAwsClient.JsonContentType, "Kinesis_20131202.CreateStream", CancellationToken.None);
        var producer = new StreamProducer(new KinesisPutRecordsClient(_http, _kinesis.Endpoint, "us-east-1", () => new ImmutableCredentials("AKID", "secret", null)));
        await producer.PutAllAsync("s", Enumerable.Range(0, count).Select(i => new PutRecordsEntry($"k{i}", Encoding.UTF8.GetBytes($"r{i}"))), CancellationToken.None);
    }

    private static string Text(KinesisEventRecord record) => Encoding.UTF8.GetString(Convert.FromBase64String(record.Kinesis.Data));

    private LocalEventSource Poller(int batchSize, Func<KinesisEvent, StreamsEventResponse> function) =>
        new(new KinesisReadClient(Signed), "s", new EventSourceSettings(batchSize, TimeSpan.FromMilliseconds(200), MaxRetries: 2),
            (batch, _) => Task.FromResult(function(batch)));

    [Fact]
    public async Task Batches_hold_at_most_the_batch_size_and_every_record_arrives_once_in_order()
    {
        await PutAsync(1200);
        var sizes = new List<int>();
        var seen = new List<string>();

        var report = await Poller(500, batch => { sizes.Add(batch.Records.Count); seen.AddRange(batch.Records.Select(Text)); return new StreamsEventResponse(); }).RunAsync(CancellationToken.None);

        Assert.All(sizes, size => Assert.InRange(size, 1, 500));
        Assert.Equal(Enumerable.Range(0, 1200).Select(i => $"r{i}"), seen);
        Assert.Equal(1200, report.Records);
        Assert.Empty(report.FailedBatches);
    }

    [Fact]
    public async Task A_partial_failure_is_retried_from_the_first_reported_record_only()
    {
        await PutAsync(10);
        var deliveries = new List<string>();
        var failedOnce = false;

        var report = await Poller(10, batch =>
        {
            deliveries.AddRange(batch.Records.Select(Text));
            var r6 = batch.Records.FirstOrDefault(r => Text(r) == "r6");
            if (r6 is not null && !failedOnce)
            {
                failedOnce = true;
                return new StreamsEventResponse { BatchItemFailures = [new BatchItemFailure(r6.Kinesis.SequenceNumber)] };
            }
            return new StreamsEventResponse();
        }).RunAsync(CancellationToken.None);

        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"r{i}"), "r6", "r7", "r8", "r9"], deliveries);
        Assert.Equal(1, report.Retries);
    }

    [Fact]
    public async Task A_batch_that_throws_is_bisected_down_to_the_poison_record_whose_pointer_goes_to_the_failure_queue()
    {
        await PutAsync(8);
        var delivered = new HashSet<string>();

        var report = await Poller(8, batch =>
        {
            if (batch.Records.Any(r => Text(r) == "r5"))
            {
                throw new InvalidOperationException("poison");
            }
            delivered.UnionWith(batch.Records.Select(Text));
            return new StreamsEventResponse();
        }).RunAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 8).Where(i => i != 5).Select(i => $"r{i}").ToHashSet(), delivered);
        Assert.True(report.Bisections >= 3, $"{report.Bisections} bisections");
        var pointer = Assert.Single(report.FailedBatches);
        Assert.Equal(pointer.Start, pointer.End);
    }
}
