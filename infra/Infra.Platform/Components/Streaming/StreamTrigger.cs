using Infra.Model.Resources;
using Infra.Platform.Aws;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Infra.Providers.Aws.Lambda;
using Infra.Providers.Aws.Lambda.Inputs;

namespace Infra.Platform.Components.Streaming;

/// <summary>
/// A function reading a stream the one safe way: from the oldest record, partial-batch responses, bisection
/// on error, bounded retries and record age, and what still fails sent (as a pointer) to an encrypted queue.
/// </summary>
public static class StreamTrigger
{
    public static void Create(ComponentScope scope, string name, KinesisStreamResult stream, FunctionResult function, QueueResult failures,
        int batchSize, int? batchingWindowSeconds = null, int? tumblingWindowSeconds = null)
    {
        scope.Add($"{name}-trigger", new EventSourceMappingArgs
        {
            EventSourceArn = stream.Arn,
            FunctionName = function.Arn,
            StartingPosition = AwsValues.StartingPositionTrimHorizon,
            BatchSize = batchSize,
            MaximumBatchingWindowInSeconds = batchingWindowSeconds,
            TumblingWindowInSeconds = tumblingWindowSeconds,
            BisectBatchOnFunctionError = true,
            FunctionResponseTypes = [AwsValues.ReportBatchItemFailures],
            MaximumRetryAttempts = StreamIngestion.DefaultMaximumRetryAttempts,
            MaximumRecordAgeInSeconds = StreamIngestion.DefaultMaximumRecordAgeSeconds,
            DestinationConfig = new EventSourceMappingDestinationConfigArgs
            {
                OnFailure = new EventSourceMappingDestinationConfigOnFailureArgs { DestinationArn = failures.Arn },
            },
        }, new ResourceOptions { DependsOn = [function.Permissions] });
    }
}
