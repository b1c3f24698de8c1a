using Lambda.Events;
using Lambda.Hosting.Bootstrap;
using Lambda.Hosting.Client;
using Lambda.Hosting.Metrics;
using Pipelines.Declarations.Functions;
using Recommendations;

return await LambdaRuntime.RunAsync(() =>
{
    var handler = new RecommendationsHandler(Console.WriteLine);
    var function = Environment.GetEnvironmentVariable(RuntimeApiNames.FunctionNameVariable) ?? RecommendationsContract.Function.Artifact;
    return HandlerAdapter.For<FirehoseTransformationRequest, FirehoseTransformationResponse>((request, cancellationToken) =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = handler.Handle(request);
        Console.WriteLine(EmbeddedMetrics.Format(RecommendationsContract.MetricNamespace, [new("FunctionName", function)],
        [
            new("RecordsReceived", request.Records.Count),
            new("RecordsOk", outcome.Ok),
            new("RecordsDropped", outcome.Dropped),
            new("RecordsFailed", outcome.Failed),
        ], DateTimeOffset.UtcNow));
        return Task.FromResult(outcome.Response);
    }, FirehoseJsonContext.Default.FirehoseTransformationRequest, FirehoseJsonContext.Default.FirehoseTransformationResponse);
});
