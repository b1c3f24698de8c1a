using Infra.Model;
using Infra.Platform.Components.Account;
using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Database;
using Infra.Platform.Components.Encryption;
using Infra.Platform.Components.Ingestion;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Governance;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Monitoring;
using Infra.Platform.Components.Orchestration;
using Infra.Platform.Components.Network;
using Infra.Platform.Components.Serving;
using Infra.Platform.Components.Transform;
using Infra.Platform.Components.Provider;
using Infra.Platform.Components.Storage;
using Infra.Platform.Components.Streaming;
using Infra.Platform.Configuration;

namespace Infra.Platform.Profiles;

/// <summary>Composes the components a stack's profile turns on into one program. It does nothing else.</summary>
public static class PlatformProgram
{
    public const string Description = "The AWS architecture of the data engineering courses";

    public static PulumiProgram Build(StackSettings settings) => Synthesize(settings).Program;

    /// <summary>The stack's program and the actors that act in it at run time, with their declared calls.</summary>
    public static Synthesis Synthesize(StackSettings settings)
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
            NativeProvider = aws.NativeProvider,
            AccountId = aws.AccountId,
            Region = settings.Region,
            Partition = settings.Partition,
            NamePrefix = $"{settings.Project}-{settings.Stack}",
            RetainData = profile.RetainData,
        };

        context = EncryptionKey.Create(context, profile.Key);
        if (profile.AccountWide is { } accountWide)
        {
            AccountWide.Create(context, accountWide);
            return new Synthesis(program, context.Actors.All);
        }
        context = context with { CatalogKey = AccountWide.Lookup(context, settings.Project) };
        var stack = StackContents.ForStack(profile.Course);
        var storage = LakehouseStorage.Create(context, Require(profile.Storage, "a lakehouse"));
        var topic = NotificationTopic.Create(context);
        var streaming = profile.Streaming is { } streamSettings ? StreamingPlatform.Create(context, streamSettings, storage, profile.LogRetentionDays) : new StreamingResult([], [], []);
        var streams = streaming.Consumers;
        var network = profile.Network is { } networkSettings ? PrivateNetwork.Create(context, networkSettings) : null;
        var database = profile.Database is { } databaseSettings ? SourceDatabase.Create(context, databaseSettings, Require(network, "a source database")) : null;
        var batch = new List<FunctionResult>();
        if (profile.DatabaseExtraction is { } extraction)
        {
            batch.Add(DatabaseExtraction.Create(context, extraction, stack, Require(database, "database extraction"), network!, storage.Bronze, profile.LogRetentionDays));
        }
        if (profile.RestIngestion is { } rest)
        {
            batch.Add(RestApiIngestion.Create(context, rest, stack, storage.Bronze, profile.LogRetentionDays));
        }
        var silver = profile.SilverTransform is { } silverSettings ? SilverTransformation.Create(context, silverSettings, stack, storage, profile.LogRetentionDays) : null;
        if (silver is not null)
        {
            batch.Add(silver);
        }
        var catalog = profile.Catalog is { } catalogSettings ? GlueCatalog.Create(context, catalogSettings, stack, storage, governed: profile.LakeFormation is not null) : null;
        var serving = profile.Serving is { } servingSettings ? Serving.Create(context, servingSettings, storage, Require(catalog, "serving"), stack) : null;
        IReadOnlyList<StateMachineResult> machines = [];
        if (profile.Orchestration is { } orchestration)
        {
            var functions = batch.ToDictionary(function => function.Contract.Artifact, function => (Infra.Model.Values.Value)function.Arn);
            var targets = new PipelineTargets(functions, Require(catalog, "orchestration"), new AthenaTarget(Require(Require(serving, "orchestration").Pipeline, "orchestration"), serving!.TableWrites), storage.Gold.BucketName, topic.Arn)
            {
                DataThroughLakeFormation = profile.LakeFormation is not null,
            };
            machines = PipelineOrchestration.Create(context, orchestration, stack, targets, storage, profile.LogRetentionDays);
        }
        if (profile.LakeFormation is { } lake)
        {
            LakeFormation.Create(context, lake, Require(catalog, "Lake Formation"), stack.Silver, storage, new LakePrincipals(
                [.. streams.Select(s => (Infra.Model.Values.Value)s.Consumer.RoleArn), .. batch.Where(f => f != silver).Select(f => (Infra.Model.Values.Value)f.RoleArn)],
                [.. machines.Select(m => new LakeCurator(m.RoleArn, m.BuildsGold ? ["silver", "gold"] : ["silver"], m.RebuildsGoldTables ? ["gold"] : []))],
                catalog!.CrawlerRole is { } crawler ? [crawler] : []),
                new PersonaTargets(Require(serving, "Lake Formation's personas").Analytics.Arn,
                    [.. stack.Pipelines.SelectMany(p => p.Gold).Where(m => !m.IsView && catalog.Relation(m.Relation) == $"{catalog.Databases["gold"]}.{m.Name}").Select(m => m.Name).Distinct()]));
        }
        if (profile.Monitoring is { } monitoring)
        {
            StackMonitoring.Create(context, monitoring, new MonitoredResources
            {
                Functions = [.. streams.Select(s => s.Consumer), .. streaming.Functions, .. batch],
                StreamConsumers = [.. streams.Select(s => s.Consumer), .. streaming.Functions.Where(f => f.Contract == Pipelines.Declarations.Functions.WindowedAggregatesContract.Function)],
                FailureQueues = [.. streams.Select(s => s.FailureQueue), .. streaming.FailureQueues, .. batch.Select(f => f.DeadLetterQueue).OfType<QueueResult>()],
                Database = database,
                StateMachines = machines,
                SilverFunction = silver,
                SilverDatasets = [.. stack.Silver.Select(dataset => dataset.Name)],
            }, topic);
        }
        return new Synthesis(program, context.Actors.All);
    }

    private static T Require<T>(T? component, string needs) where T : class =>
        component ?? throw new Infra.Model.SynthesisException($"the profile asks for {needs} without the component it needs");
}

/// <summary>A synthesized stack: the program Pulumi runs, and who acts in it with which calls.</summary>
public sealed record Synthesis(PulumiProgram Program, IReadOnlyList<Infra.Platform.Access.Actor> Actors);
