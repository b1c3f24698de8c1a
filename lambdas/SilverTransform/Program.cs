using Lambda.Hosting.Bootstrap;
using Lambda.Hosting.Client;
using Lambda.Hosting.Metrics;
using Lambda.Storage;
using Pipelines.Declarations.Functions;
using SilverTransform;

return await LambdaRuntime.RunAsync(() =>
{
    Func<string, string?> environment = Environment.GetEnvironmentVariable;
    var handler = SilverTransformFunction.Create(environment);
    var function = environment(RuntimeApiNames.FunctionNameVariable) ?? SilverTransformContract.Function.Artifact;
    return HandlerAdapter.For<SilverTransformRequest, SilverTransformResponse>(async (request, cancellationToken) =>
    {
        var result = await handler.HandleAsync(request, cancellationToken);
        Console.WriteLine(EmbeddedMetrics.Format(SilverTransformContract.MetricNamespace, [new(SilverTransformContract.FunctionNameDimension, function), new(SilverTransformContract.DatasetDimension, result.Dataset)],
        [
            new("RowsIn", result.In),
            new(SilverTransformContract.RowsOutMetric, result.Out),
            new("DuplicatesDropped", result.Duplicates),
            new("RowsQuarantined", result.Quarantined),
        ], DateTimeOffset.UtcNow));
        return result;
    }, SilverTransformJson.Default.SilverTransformRequest, SilverTransformJson.Default.SilverTransformResponse);
});
