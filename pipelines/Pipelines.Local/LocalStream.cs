using Amazon.Runtime;
using Pipelines.Generator;
using Pipelines.LocalServers;
using Pipelines.Producer;
using StreamConsumer;

namespace Pipelines.Local;

/// <summary>What the sessions stream did locally: records produced, delivered by the poller, and what the consumer made of them.</summary>
public sealed record StreamReport(string Stream, long Produced, PollReport Poll, long Written, long Quarantined, long Failed)
{
    public bool Reconciles => Produced == Poll.Records && Poll.Records == Written + Quarantined + Failed && (Failed == 0 || Poll.FailedBatches.Count > 0);
}

/// <summary>
/// Course 2's streaming ingestion with servers: kinesalite on 127.0.0.1, the generated web sessions put on it
/// with the producer, and the stream consumer's own handler fed by the local event-source poller.
/// </summary>
public static class LocalStream
{
    public const string Stream = "sessions";
    public static readonly EventSourceSettings Settings = new(BatchSize: 500, BatchingWindow: TimeSpan.FromSeconds(1));

    public static async Task<StreamReport> RunAsync(CourseData data, LocalFunctions functions, string npmFolder, CancellationToken cancellationToken)
    {
        using var kinesis = LocalKinesis.Start(npmFolder);
        using var http = new HttpClient();
        var signed = new SignedAwsClient(http, kinesis.Endpoint, KinesisPutRecordsClient.Service, "us-east-1", () => new ImmutableCredentials("local", "local", null));
        await signed.PostAsync("/", System.Text.Encoding.UTF8.GetBytes($$"""{"StreamName":"{{Stream}}","ShardCount":2}"""), SignedAwsClient.JsonContentType, "Kinesis_20131202.CreateStream", cancellationToken).ConfigureAwait(false);
        var producer = new StreamProducer(new KinesisPutRecordsClient(http, kinesis.Endpoint, "us-east-1", () => new ImmutableCredentials("local", "local", null)));
        var produced = await producer.PutAllAsync(Stream, GeneratedEvents.Records(data["web_sessions"]), cancellationToken).ConfigureAwait(false);

        var handler = new StreamConsumerHandler(functions.Store, new StreamConsumerOptions { Bucket = LocalFunctions.BronzeBucket });
        long written = 0, quarantined = 0, failed = 0;
        var poll = await new LocalEventSource(new KinesisReadClient(signed), Stream, Settings, async (batch, token) =>
        {
            var outcome = await handler.HandleAsync(batch, token).ConfigureAwait(false);
            written += outcome.Written;
            quarantined += outcome.Quarantined;
            failed += outcome.Failed;
            return outcome.Response;
        }).RunAsync(cancellationToken).ConfigureAwait(false);
        return new StreamReport(Stream, produced.Put, poll, written, quarantined, failed);
    }
}
