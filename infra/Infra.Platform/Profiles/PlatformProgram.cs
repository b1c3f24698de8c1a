using Infra.Model;
using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Database;
using Infra.Platform.Components.Encryption;
using Infra.Platform.Components.Ingestion;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Orchestration;
using Infra.Platform.Components.Network;
using Infra.Platform.Components.Serving;
using Infra.Platform.Components.Transform;
using Infra.Platform.Components.Provider;
using Infra.Platform.Components.Storage;
using Infra.Platform.Components.Streaming;
using Infra.Platform.Configuration;
using Pipelines.Contracts.Functions;

namespace Infra.Platform.Profiles;

/// <summary>Composes the components a stack's profile turns on into one program. It does nothing else.</summary>
public static class PlatformProgram
{
    public const string Description = "The AWS architecture of the data engineering courses";

    public static PulumiProgram Build(StackSettings settings)
    {
        var program = new PulumiProgram(settings.Project, Description);
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
            AllowedAccountIds = settings.AllowedAccountIds,
            Profile = settings.AwsProfile,
            AssumeRoleArn = settings.AssumeRoleArn,
        });
        var context = new PlatformContext
        {
            Program = program,
            Provider = aws.Provider,
            AccountId = aws.AccountId,
            Region = settings.Region,
            Partition = settings.Partition,
            NamePrefix = $"{settings.Project}-{settings.Stack}",
            RetainData = profile.RetainData,
        };

        context = EncryptionKey.Create(context, profile.Key);
        var stack = CourseCatalog.ForStack(profile.Course);
        var storage = LakehouseStorage.Create(context, profile.Storage);
        var topic = NotificationTopic.Create(context);
        if (profile.Streaming is { } streaming) StreamIngestion.CreateEach(context, streaming, storage.Bronze, profile.LogRetentionDays);
        var network = profile.Network is { } networkSettings ? PrivateNetwork.Create(context, networkSettings) : null;
        var database = profile.Database is { } databaseSettings ? SourceDatabase.Create(context, databaseSettings, Require(network, "a source database")) : null;
        var functions = new Dictionary<string, Infra.Model.Values.Value>();
        if (profile.DatabaseExtraction is { } extraction)
        {
            functions[DbExtractContract.Function.Artifact] = DatabaseExtraction.Create(context, extraction, stack, Require(database, "database extraction"), network!, storage.Bronze, profile.LogRetentionDays).Arn;
        }
        if (profile.RestIngestion is { } rest)
        {
            functions[RestIngestionContract.Function.Artifact] = RestApiIngestion.Create(context, rest, stack, storage.Bronze, profile.LogRetentionDays).Arn;
        }
        if (profile.SilverTransform is { } silver)
        {
            functions[SilverTransformContract.Function.Artifact] = SilverTransformation.Create(context, silver, stack, storage, profile.LogRetentionDays).Arn;
        }
        var catalog = profile.Catalog is { } catalogSettings ? GlueCatalog.Create(context, catalogSettings, stack, storage) : null;
        var serving = profile.Serving is { } servingSettings ? Serving.Create(context, servingSettings, storage, Require(catalog, "serving"), stack) : null;
        if (profile.Orchestration is { } orchestration)
        {
            var targets = new PipelineTargets(functions, Require(catalog, "orchestration"), new AthenaTarget(Require(serving, "orchestration").WorkgroupName), storage.Gold.BucketName, topic.Arn);
            PipelineOrchestration.Create(context, orchestration, stack, targets, storage, serving!.WorkgroupArn, profile.LogRetentionDays);
        }
        return program;
    }

    private static T Require<T>(T? component, string needs) where T : class =>
        component ?? throw new Infra.Model.SynthesisException($"the profile asks for {needs} without the component it needs");
}
