using Lambda.Events;
using Lambda.Hosting.Bootstrap;
using Lambda.Hosting.Client;
using Lambda.Hosting.Metrics;
using Lambda.Storage;
using Pipelines.Declarations.Functions;
using StreamConsumer;

return await LambdaRuntime.RunAsync(() =>
{
    var options = StreamConsumerOptions.From(Environment.GetEnvironmentVariable);
    var handler = new StreamConsumerHandler(ObjectStores.FromEnvironment(Environment.GetEnvironmentVariable), options);
    var function = Environment.GetEnvironmentVariable(RuntimeApiNames.FunctionNameVariable) ?? StreamConsumerContract.Function.Artifact;

    return HandlerAdapter.For<KinesisEvent, StreamsEventResponse>(async (batch, cancellationToken) =>
    {
        var outcome = await handler.HandleAsync(batch, cancellationToken);
        Console.WriteLine(EmbeddedMetrics.Format("DataPlatform/StreamConsumer", [new("FunctionName", function)],
        [
            new("RecordsReceived", outcome.Received),
            new("RecordsWritten", outcome.Written),
            new("RecordsQuarantined", outcome.Quarantined),
            new("RecordsFailed", outcome.Failed),
        ], DateTimeOffset.UtcNow));
        return outcome.Response;
    }, KinesisJsonContext.Default.KinesisEvent, KinesisJsonContext.Default.StreamsEventResponse);
});
