using Infra.Model;
using Infra.Model.Resources;
using Infra.Platform.Components.Encryption;
using Infra.Platform.Components.Logging;
using Infra.Platform.Components.Provider;
using Infra.Platform.Components.Storage;
using Infra.Platform.Components.Streaming;
using Infra.Platform.Configuration;

namespace Infra.Platform.Profiles;

/// <summary>Composes the components a stack's profile turns on into one program. It does nothing else.</summary>
public static class PlatformProgram
{
    public const string Description = "The AWS architecture of the data engineering courses";

    public static PulumiProgram Build(StackSettings settings)
    {
        var program = new PulumiProgram(settings.Project, Description);
        var namePrefix = $"{settings.Project}-{settings.Stack}";
        var profile = settings.Profile;

        var aws = AwsProvider.Create(program, new AwsProviderOptions
        {
            Region = settings.Region,
            DefaultTags =
            [
                new("project", settings.Project),
                new("stack", settings.Stack),
                new("environment", profile.Environment),
                new("course", profile.Course),
                new("owner", settings.Owner),
            ],
        });

        var key = EncryptionKey.Create(Scope(program, nameof(EncryptionKey), aws), new EncryptionKeyOptions
        {
            AliasName = namePrefix + "-data",
            DeletionWindowDays = profile.KeyDeletionWindowDays,
            Protect = profile.RetainData,
            AccountId = aws.AccountId,
            Region = settings.Region,
            LogGroupNamePrefix = LambdaLogGroup.NamePrefix + namePrefix + "-",
        });

        var storage = LakehouseStorage.Create(Scope(program, nameof(LakehouseStorage), aws), new LakehouseStorageOptions
        {
            NamePrefix = namePrefix,
            AccountId = aws.AccountId,
            KmsKeyArn = key.KeyArn,
            RetainData = profile.RetainData,
            NoncurrentVersionDays = settings.NoncurrentVersionDays,
            AccessLogRetentionDays = settings.AccessLogRetentionDays,
        });

        if (profile.StreamIngestion)
        {
            var streaming = StreamIngestion.Create(Scope(program, nameof(StreamIngestion), aws), new StreamIngestionOptions
            {
                NamePrefix = namePrefix,
                KmsKeyArn = key.KeyArn,
                Bronze = storage.Bronze,
                ShardCount = profile.StreamShardCount,
                RetentionHours = profile.StreamRetentionHours,
                LogRetentionDays = profile.LogRetentionDays,
                ReservedConcurrency = settings.StreamConsumerReservedConcurrency,
            });
            program.AddOutput("sessionsStreamName", streaming.StreamName);
            program.AddOutput("streamConsumerFunctionName", streaming.FunctionName);
            program.AddOutput("streamConsumerFailureQueueUrl", streaming.FailureQueueUrl);
        }

        program.AddOutput("kmsKeyArn", key.KeyArn);
        foreach (var (zone, bucket) in new[]
                 {
                     ("bronze", storage.Bronze), ("silver", storage.Silver), ("gold", storage.Gold),
                     ("athenaResults", storage.AthenaResults), ("accessLogs", storage.AccessLogs),
                 })
        {
            program.AddOutput(zone + "BucketName", bucket.BucketName);
            program.AddOutput(zone + "BucketArn", bucket.Arn);
        }
        return program;
    }

    private static ComponentScope Scope(PulumiProgram program, string component, AwsProviderResult aws) =>
        new(program, component, aws.Provider);
}
