using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Ingestion;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Storage;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Transform;

/// <summary>
/// The silver transform function: reads the bronze prefixes of the silver datasets, writes silver under
/// each dataset's name and rejected rows under the quarantine prefix of bronze; nothing else. The pipeline
/// (the orchestrator) invokes it once per bronze run, naming the run's manifest; no S3 trigger, so a run
/// is transformed once it is complete, not per object.
/// </summary>
public static class SilverTransformation
{
    public const string Name = "silver-transform";

    public static FunctionResult Create(PlatformContext context, SilverTransformationSettings settings, StackContents catalog, LakehouseStorageResult storage, int logRetentionDays)
    {
        var scope = context.Scope(nameof(SilverTransformation));
        var datasets = catalog.Silver;
        var bronzePrefixes = datasets.Select(dataset => dataset.BronzePrefix).Distinct().Order(StringComparer.Ordinal).ToArray();
        var failures = EncryptedQueue.Create(context, scope, $"{Name}-failures");
        var function = NativeFunction.Create(context, scope.Component, new NativeFunctionOptions
        {
            Name = Name,
            Contract = SilverTransformContract.Function,
            Description = "Types, validates and deduplicates one bronze run into silver Parquet",
            Permissions =
            [
                .. bronzePrefixes.Select(storage.Bronze.Reading),
                storage.Bronze.Writing(SilverTransformContract.DefaultQuarantinePrefix),
                storage.Silver.Writing([.. datasets.Select(dataset => dataset.Name)]),
            ],
            Environment =
            [
                new(SilverTransformContract.BronzeBucketVariable, storage.Bronze.BucketName),
                new(SilverTransformContract.SilverBucketVariable, storage.Silver.BucketName),
                new(SilverTransformContract.QuarantinePrefixVariable, SilverTransformContract.DefaultQuarantinePrefix),
            ],
            LogRetentionDays = logRetentionDays,
            MemorySizeMb = settings.MemorySizeMb,
            EphemeralStorageMb = settings.EphemeralStorageMb,
            TimeoutSeconds = settings.TimeoutSeconds,
            DeadLetterQueue = failures,
        });
        context.Output(function.Name, "SilverTransformFunctionName");
        return function;
    }
}
