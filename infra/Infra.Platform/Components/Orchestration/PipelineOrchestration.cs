using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Components.Ingestion;
using Infra.Platform.Components.Scheduling;
using Infra.Platform.Components.Storage;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Cloudwatch;
using Infra.Providers.Aws.Iam;
using Infra.Providers.Aws.Sfn;
using Infra.Providers.Aws.Sfn.Inputs;
using Pipelines.Declarations.Orchestration;

namespace Infra.Platform.Components.Orchestration;

/// <summary>
/// One Step Functions state machine per course pipeline of the stack, its definition derived from the
/// pipeline's declaration, started by an EventBridge Scheduler schedule. Each runs as a role that may invoke
/// the pipeline's functions, run queries in the stack's workgroup, read silver, write the query results,
/// write gold and change its catalog tables (only when the pipeline builds gold models), delete the runs its
/// CTAS tables replaced, and publish to the notification topic; nothing else.
/// </summary>
public static class PipelineOrchestration
{
    public const string LogGroupPrefix = "/aws/vendedlogs/states/";

    public static IReadOnlyList<StateMachineResult> Create(PlatformContext context, OrchestrationSettings settings, StackContents catalog, PipelineTargets targets,
        LakehouseStorageResult storage, int logRetentionDays)
    {
        var scope = context.Scope(nameof(PipelineOrchestration));
        var machines = new List<StateMachineResult>();
        foreach (var pipeline in catalog.Pipelines)
        {
            var name = $"{pipeline.Course}-pipeline";
            var logs = scope.Add($"{name}-logs", new LogGroupArgs
            {
                Name = LogGroupName(context, name),
                RetentionInDays = logRetentionDays,
                KmsKeyId = context.RequireKey().KeyArn,
            }, context.DataOptions());
            var role = scope.Add($"{name}-role", new RoleArgs
            {
                Name = context.AccountWideName(name),
                AssumeRolePolicy = new PolicyDocument([ServiceTrust.OfThisAccount(context, "states")]).ToJson(),
            });
            var permissions = scope.Add($"{name}-permissions", new RolePolicyArgs
            {
                Role = role.Attr("id"),
                Policy = new PolicyDocument(Grants(context, pipeline, targets, storage)).ToJson(),
            });
            Access.ServiceActors.LogsEncrypt(context, LogGroupName(context, name));
            context.Actors.Add(PipelineActor.Of(context, pipeline, role.Name, targets, storage));
            var machine = scope.Add($"{name}-state-machine", new StateMachineArgs
            {
                Name = context.Name(name),
                Type = "STANDARD",
                RoleArn = role.Attr("arn"),
                Definition = Fn.ToJson(PipelineDefinition.Build(pipeline, targets)),
                // Execution data stays out of the logs: they hold errors, not rows or keys.
                LoggingConfiguration = new StateMachineLoggingConfigurationArgs
                {
                    Level = Pipelines.Declarations.Functions.LogLevels.Error,
                    IncludeExecutionData = false,
                    LogDestination = Fn.Interpolate($"{logs.Attr("arn")}:*"),
                },
                TracingConfiguration = new StateMachineTracingConfigurationArgs { Enabled = true },
            }, new ResourceOptions { DependsOn = [permissions.Self] });
            var arn = machine.Attr("arn");
            Schedule.Create(context, scope, name, arn, PolicyStatement.Allow(PascalCase.Of("Start", name), ["states:StartExecution"], arn), settings.Schedule);
            context.Output(arn, pipeline.Course, "StateMachineArn");
            machines.Add(new StateMachineResult(pipeline.Course, context.Name(name), arn, role.Attr("arn"), BuildsGold(pipeline))
            {
                RebuildsGoldTables = pipeline.Gold.Any(GoldCleanup.Applies),
            });
        }
        return machines;
    }

    public static string LogGroupName(PlatformContext context, string name) => LogGroupPrefix + context.Name(name);

    private static bool BuildsGold(CoursePipeline pipeline) => pipeline.Gold.Count > 0;

    private static List<PolicyStatement> Grants(PlatformContext context, CoursePipeline pipeline, PipelineTargets targets, LakehouseStorageResult storage)
    {
        var functions = pipeline.Extracts.Select(step => step.Function).Append(Pipelines.Declarations.Functions.SilverTransformContract.Function).Distinct();
        var catalogArn = context.Arn("glue", "catalog");
        Value Database(string layer) => context.Arn("glue", $"database/{targets.Databases[layer]}");
        Value Tables(string layer) => context.Arn("glue", $"table/{targets.Databases[layer]}/*");
        List<PolicyStatement> tableBucket = targets.Catalog.TableBucket is { } bucket && pipeline.Gold.Any(model => model.MergeOn is not null)
            ?
            [
                PolicyStatement.Allow("MergeIntoGoldS3Tables", ["s3tables:GetTableBucket", "s3tables:GetNamespace", "s3tables:GetTable", "s3tables:GetTableMetadataLocation",
                    "s3tables:UpdateTableMetadataLocation", "s3tables:GetTableData", "s3tables:PutTableData"], bucket.Arn, Fn.Interpolate($"{bucket.Arn}/table/*")),
                PolicyStatement.Allow("ReadTheS3TablesCatalog", ["glue:GetCatalog", "glue:GetDatabase", "glue:GetTable", "glue:UpdateTable"],
                    context.Arn("glue", "catalog"), context.Arn("glue", "catalog/s3tablescatalog"), context.Arn("glue", $"catalog/s3tablescatalog/{bucket.Name}"),
                    context.Arn("glue", $"database/s3tablescatalog/{bucket.Name}/*"), context.Arn("glue", $"table/s3tablescatalog/{bucket.Name}/*/*")),
            ]
            : [];
        // A pipeline without gold models (course 2 ends at the quality gate) gets no access to gold at all.
        var buildsGold = BuildsGold(pipeline);
        Value[] readableTables = buildsGold ? [catalogArn, Database("silver"), Tables("silver"), Database("gold"), Tables("gold")] : [catalogArn, Database("silver"), Tables("silver")];
        // Table models are built as run tables behind views; the pipeline deletes exactly their older runs.
        var replaced = pipeline.Gold.Where(GoldCleanup.Applies).Select(model => $"{GoldCleanup.RunPrefix(model)}*").Distinct().ToList();
        List<PolicyStatement> gold = buildsGold
            ?
            [
                PolicyStatement.Allow("ChangeGoldTables", replaced.Count > 0
                        ? ["glue:CreateTable", "glue:UpdateTable", "glue:GetTables", "glue:DeleteTable"]
                        : ["glue:CreateTable", "glue:UpdateTable"],
                    catalogArn, Database("gold"), Tables("gold")),
                // Where Lake Formation governs the lake it vends Athena the data credentials: no S3 rights of the pipeline's own.
                .. targets.DataThroughLakeFormation ? Array.Empty<PolicyStatement>() : storage.Gold.ReadAll().Append(storage.Gold.WriteAll()),
            ]
            : [];
        if (replaced.Count > 0)
        {
            // The cleanup lists and deletes older runs itself, with the pipeline's own rights.
            gold.Add(storage.Gold.List("ListGoldRuns", replaced));
            gold.Add(storage.Gold.Delete("DeleteReplacedGoldRuns", replaced));
        }
        return
        [
            .. tableBucket,
            PolicyStatement.Allow("InvokeThePipelinesFunctions", ["lambda:InvokeFunction"], [.. functions.Select(targets.Function)]),
            PolicyStatement.Allow("QueryInThePipelinesWorkgroups", PipelineActor.QueryActions, [.. targets.Workgroups(pipeline).Select(workgroup => workgroup.Arn)]),
            PolicyStatement.Allow("ReadTheCatalog", ["glue:GetDatabase", "glue:GetTable"], readableTables),
            .. gold,
            PolicyStatement.Allow("ReplaceSilverCurrentViews", ["glue:CreateTable", "glue:UpdateTable"], catalogArn, Database("silver"),
                context.Arn("glue", $"table/{targets.Databases["silver"]}/*_current")),
            .. targets.DataThroughLakeFormation ? Array.Empty<PolicyStatement>() : storage.Silver.ReadAll(),
            .. storage.AthenaResults.ReadAll(),
            storage.AthenaResults.WriteAll(),
            context.RequireKey().UseThrough("s3", "sns"),
            context.RequireCatalogKey().UseForTheCatalog(),
            PolicyStatement.Allow("PublishNotices", ["sns:Publish"], targets.Topic),
            // Where Lake Formation governs the lake (and for S3 Tables), it vends the query's data credentials.
            .. targets.DataThroughLakeFormation || tableBucket.Count > 0
                ? [PolicyStatement.Allow("GetDataAccessThroughLakeFormation", [WildcardResourceActions.LakeFormationGetDataAccess], "*")]
                : Array.Empty<PolicyStatement>(),
            PolicyStatement.Allow("DeliverItsLogs", WildcardResourceActions.LogDelivery, "*"),
            PolicyStatement.Allow("PublishItsMetrics", [WildcardResourceActions.PutMetricData], "*") with
            {
                Conditions = [("StringEquals", "cloudwatch:namespace", PipelineDefinition.MetricNamespace)],
            },
            PolicyStatement.Allow("SendTraces", [WildcardResourceActions.PutTraceSegments, WildcardResourceActions.PutTelemetryRecords,
                WildcardResourceActions.GetSamplingRules, WildcardResourceActions.GetSamplingTargets], "*"),
        ];
    }
}

/// <param name="Name">The state machine's physical name (alarms name it as a dimension).</param>
/// <param name="RoleArn">The role the pipeline runs as (Lake Formation grants to it).</param>
/// <param name="BuildsGold">Whether the pipeline builds gold models (only then may it touch gold).</param>
public sealed record StateMachineResult(string Course, string Name, Reference Arn, Reference RoleArn, bool BuildsGold)
{
    /// <summary>Whether it drops and creates gold tables at new locations (CTAS models).</summary>
    public bool RebuildsGoldTables { get; init; }
}
