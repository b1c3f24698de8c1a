using Infra.Model.Resources;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Storage;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Streaming;

/// <summary>
/// Course 3's streaming queries: the tumbling-window function on a stream, with partial-batch failures,
/// bisection and an encrypted on-failure queue; it writes window results to gold and malformed events to
/// bronze's quarantine, nothing else.
/// </summary>
public static class WindowedAggregation
{
    public static (FunctionResult Function, QueueResult Failures) Create(PlatformContext context, ComponentScope scope, string name, KinesisStreamResult stream,
        LakehouseStorageResult storage, int logRetentionDays)
    {
        var functionName = $"{name}-windows";
        var failures = EncryptedQueue.Create(context, scope, $"{functionName}-failures");
        var function = NativeFunction.Create(context, scope.Component, new NativeFunctionOptions
        {
            Name = functionName,
            Contract = WindowedAggregatesContract.Function,
            Description = $"Total sales and orders per device type per {WindowedAggregatesContract.DefaultWindowSeconds / 60}-minute window of the {name} stream",
            Permissions =
            [
                stream.Consuming(),
                storage.Gold.Writing(WindowedAggregatesContract.DefaultOutputPrefix),
                storage.Bronze.Writing(WindowedAggregatesContract.DefaultQuarantinePrefix),
                failures.Sending(),
            ],
            Environment =
            [
                new(WindowedAggregatesContract.BucketVariable, storage.Gold.BucketName),
                new(WindowedAggregatesContract.OutputPrefixVariable, WindowedAggregatesContract.DefaultOutputPrefix),
                new(WindowedAggregatesContract.QuarantineBucketVariable, storage.Bronze.BucketName),
                new(WindowedAggregatesContract.QuarantinePrefixVariable, WindowedAggregatesContract.DefaultQuarantinePrefix),
            ],
            LogRetentionDays = logRetentionDays,
        });
        StreamTrigger.Create(scope, functionName, stream, function, failures, StreamIngestion.DefaultBatchSize, tumblingWindowSeconds: WindowedAggregatesContract.DefaultWindowSeconds);
        return (function, failures);
    }
}
