using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Streaming;

/// <summary>A Kinesis stream → stream consumer function (Native AOT) → bronze, with an encrypted on-failure queue.</summary>
public static class StreamIngestion
{
    public const int DefaultBatchSize = 500;
    public const int DefaultBatchingWindowSeconds = 5;
    public const int DefaultMaximumRetryAttempts = 3;
    public const int DefaultMaximumRecordAgeSeconds = 3600;
    public const int DefaultMemorySizeMb = NativeFunction.DefaultMemorySizeMb;
    public const int DefaultTimeoutSeconds = NativeFunction.DefaultTimeoutSeconds;
    public const int FailureQueueRetentionSeconds = EncryptedQueue.RetentionSeconds;

    public static StreamIngestionResult Create(PlatformContext context, StreamIngestionOptions options)
    {
        var scope = context.Scope($"{nameof(StreamIngestion)}({options.Name})");
        var key = context.RequireKey();
        var consumerName = $"{options.Name}-consumer";

        var streamResult = options.Stream;

        var failures = EncryptedQueue.Create(context, scope, $"{consumerName}-failures");

        var function = NativeFunction.Create(context, scope.Component, new NativeFunctionOptions
        {
            Name = consumerName,
            Contract = StreamConsumerContract.Function,
            Description = $"Validates, enriches and routes the {options.Name} stream into bronze",
            Permissions = [streamResult.Consuming(), options.Bronze.Writing(options.OutputPrefix, options.QuarantinePrefix), failures.Sending()],
            Environment =
            [
                new(StreamConsumerContract.BucketVariable, options.Bronze.BucketName),
                new(StreamConsumerContract.OutputPrefixVariable, options.OutputPrefix),
                new(StreamConsumerContract.QuarantinePrefixVariable, options.QuarantinePrefix),
            ],
            LogRetentionDays = options.LogRetentionDays,
            MemorySizeMb = options.MemorySizeMb,
            TimeoutSeconds = options.TimeoutSeconds,
            ReservedConcurrency = options.ReservedConcurrency,
        });

        StreamTrigger.Create(scope, consumerName, streamResult, function, failures, options.BatchSize, options.BatchingWindowSeconds);

        return new StreamIngestionResult(streamResult, function, failures);
    }

}

public sealed record StreamIngestionResult(KinesisStreamResult Stream, FunctionResult Consumer, QueueResult FailureQueue);
