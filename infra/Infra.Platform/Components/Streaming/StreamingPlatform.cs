using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Storage;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Streaming;

/// <summary>Each stream the profile names, with the readers it names: consumer, Firehose deliveries, tumbling windows.</summary>
public static class StreamingPlatform
{
    public const string RawPrefix = "streams";

    public static StreamingResult Create(PlatformContext context, StreamIngestionSettings settings, LakehouseStorageResult storage, int logRetentionDays)
    {
        var consumers = new List<StreamIngestionResult>();
        var functions = new List<FunctionResult>();
        var queues = new List<QueueResult>();
        foreach (var spec in settings.Streams)
        {
            if (!spec.HasReader)
            {
                throw new Infra.Model.SynthesisException($"stream '{spec.Name}' has no reader: nobody should pay for a stream nothing reads");
            }
            var scope = context.Scope($"Streaming({spec.Name})");
            var stream = KinesisStreams.Create(context, scope, spec.Name, settings.ShardCount, settings.RetentionHours);
            context.Output(stream.Name, spec.Name, "StreamName");
            if (spec.Consumer)
            {
                var consumer = StreamIngestion.Create(context, new StreamIngestionOptions
                {
                    Name = spec.Name,
                    Stream = stream,
                    Bronze = storage.Bronze,
                    LogRetentionDays = logRetentionDays,
                    ReservedConcurrency = settings.ReservedConcurrency,
                });
                context.Output(consumer.Consumer.Name, spec.Name, "ConsumerFunctionName");
                context.Output(consumer.FailureQueue.Url, spec.Name, "ConsumerFailureQueueUrl");
                consumers.Add(consumer);
            }
            if (spec.Recommendations)
            {
                var transform = NativeFunction.Create(context, scope.Component, new NativeFunctionOptions
                {
                    Name = "recommendations-transform",
                    Contract = RecommendationsContract.Function,
                    Description = $"Turns the {spec.Name} stream's sessions into the recommender's input lines for Firehose",
                    Permissions = [],
                    LogRetentionDays = logRetentionDays,
                });
                functions.Add(transform);
                FirehoseDelivery.Create(context, scope, $"{spec.Name}-recommendations", stream, storage.Bronze,
                    RecommendationsContract.OutputPrefix, RecommendationsContract.ErrorPrefix, transform, logRetentionDays);
            }
            if (spec.RawDelivery)
            {
                FirehoseDelivery.Create(context, scope, $"{spec.Name}-raw", stream, storage.Bronze,
                    $"{RawPrefix}/{spec.Name}", $"quarantine/{RawPrefix}/{spec.Name}", null, logRetentionDays);
            }
            if (spec.WindowedAggregates)
            {
                var (function, failures) = WindowedAggregation.Create(context, scope, spec.Name, stream, storage, logRetentionDays);
                functions.Add(function);
                queues.Add(failures);
            }
        }
        return new StreamingResult(consumers, functions, queues);
    }
}

/// <param name="Consumers">The stream consumers (watched for iterator age).</param>
/// <param name="Functions">The other stream functions: Firehose transformations and tumbling windows.</param>
/// <param name="FailureQueues">The other functions' on-failure queues.</param>
public sealed record StreamingResult(IReadOnlyList<StreamIngestionResult> Consumers, IReadOnlyList<FunctionResult> Functions, IReadOnlyList<QueueResult> FailureQueues);
