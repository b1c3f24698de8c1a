using Lambda.Hosting.Bootstrap;
using Lambda.Hosting.Client;
using Lambda.Hosting.Metrics;
using Lambda.Storage;
using Pipelines.Contracts.Functions;
using Pipelines.Data.Generation;
using Pipelines.Data.Lakehouse;
using SilverTransform;

return await LambdaRuntime.RunAsync(() =>
{
    Func<string, string?> environment = Environment.GetEnvironmentVariable;
    string Required(string name) => environment(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set");
    var options = new SilverTransformOptions(
        Required(SilverTransformContract.BronzeBucketVariable),
        Required(SilverTransformContract.SilverBucketVariable),
        environment(SilverTransformContract.QuarantinePrefixVariable)?.Trim('/') is { Length: > 0 } prefix ? prefix : SilverTransformContract.DefaultQuarantinePrefix,
        environment(SilverTransformContract.WorkFolderVariable) is { Length: > 0 } work ? work : SilverTransformContract.DefaultWorkFolder);
    var handler = new SilverTransformHandler(ObjectStores.FromEnvironment(environment), SilverCatalog.For(new CourseData(new GeneratorSettings())), options);
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
