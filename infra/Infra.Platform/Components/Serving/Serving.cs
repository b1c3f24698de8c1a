using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Storage;
using Infra.Providers.Aws.Athena;
using Infra.Providers.Aws.Athena.Inputs;
using Infra.Platform.Components.Ingestion;
using Pipelines.Declarations.Sql;

namespace Infra.Platform.Components.Serving;

/// <summary>
/// Where analysts query: one Athena workgroup whose configuration queries cannot override (results in the
/// results bucket, encrypted with the stack key, a bytes-scanned cutoff per query, engine version 3), and a
/// named query for every gold model of the stack's courses. The pipelines query in workgroups of their own,
/// shaped by what Athena allows the statements they run (below). Views and tables themselves are created by the
/// pipeline's first run, because they read gold tables that only the pipeline builds (docs/decisions.md).
/// </summary>
public static class Serving
{
    public const string EngineVersion = "Athena engine version 3";

    public static ServingResult Create(PlatformContext context, ServingSettings settings, LakehouseStorageResult storage, GlueCatalogResult catalog, StackContents stack)
    {
        var scope = context.Scope(nameof(Serving));
        var key = context.RequireKey().KeyArn;
        var workgroup = Workgroup(context, scope, settings, storage, new WorkgroupPurpose("analytics",
            "Queries over the lakehouse; its settings cannot be overridden by a query", Enforced: true, "SSE_KMS", key));
        // Athena refuses a CTAS naming external_location in a workgroup that enforces its results location
        // (Athena's "Troubleshoot workgroup errors"): the pipelines build gold where no setting is enforced but
        // the minimum encryption of results (and so of the tables they write) is the stack key.
        var pipelines = stack.Pipelines.Count > 0
            ? Workgroup(context, scope, settings, storage, new WorkgroupPurpose("pipeline",
                "The pipelines' queries: gold tables built at their own locations; results at least SSE-KMS", Enforced: false, "SSE_KMS", key))
            : null;
        // Athena runs no INSERT, UPDATE, DELETE or MERGE on S3 Tables from a workgroup with SSE-KMS or CSE-KMS
        // results (Athena's "Register S3 table bucket catalogs"); the tables keep their own KMS encryption.
        var tableWrites = catalog.TableBucket is not null && stack.Pipelines.Any(pipeline => pipeline.Gold.Any(model => model.MergeOn is not null))
            ? Workgroup(context, scope, settings, storage, new WorkgroupPurpose(TableWritesPurpose,
                "The pipelines' merges into S3 Tables, whose results Athena allows only SSE-S3", Enforced: true, "SSE_S3", null))
            : null;
        foreach (var pipeline in stack.Pipelines)
        {
            foreach (var model in pipeline.Gold)
            {
                scope.Add($"{pipeline.Course}-{model.Name}-query", new NamedQueryArgs
                {
                    Name = $"{pipeline.Course} {model.Name}",
                    Description = $"Gold model {model.Name} of {pipeline.Course}",
                    Database = catalog.Databases["gold"],
                    Workgroup = workgroup.Name,
                    Query = model.Qualified(catalog.Relation),
                });
            }
        }
        // The silver logic as one statement over the bronze table, for re-processing that outgrows the function.
        foreach (var dataset in stack.Silver)
        {
            scope.Add($"silver-{dataset.Name}-backfill-query", new NamedQueryArgs
            {
                Name = $"backfill silver {dataset.Name}",
                Description = $"Silver {dataset.Name} from all of its bronze, as the silver function types, validates and deduplicates it; run as CTAS into a new location, then swap",
                Database = catalog.Databases["bronze"],
                Workgroup = workgroup.Name,
                Query = SilverSql.Silver(dataset, catalog.Relation($"bronze.{dataset.Name}")),
            });
        }
        context.Output(workgroup.Name, "AthenaWorkgroup");
        return new ServingResult(workgroup, pipelines, tableWrites);
    }

    /// <summary>The purpose of the workgroup that merges into S3 Tables; the policy pack knows it by this tag.</summary>
    public const string TableWritesPurpose = "s3-tables-writes";

    public const string PurposeTag = "dataplatform:purpose";

    private static WorkgroupResult Workgroup(PlatformContext context, Infra.Model.Resources.ComponentScope scope, ServingSettings settings, LakehouseStorageResult storage, WorkgroupPurpose purpose)
    {
        var name = context.Name(purpose.Name);
        var workgroup = scope.Add(purpose.Name == "analytics" ? "workgroup" : $"{purpose.Name}-workgroup", new WorkgroupArgs
        {
            Name = name,
            Description = purpose.Description,
            State = "ENABLED",
            ForceDestroy = !context.RetainData,
            Tags = new Infra.Model.Inputs.InputMap<string> { { PurposeTag, purpose.Name } },
            Configuration = new WorkgroupConfigurationArgs
            {
                EnforceWorkgroupConfiguration = purpose.Enforced,
                EnableMinimumEncryptionConfiguration = purpose.Enforced ? null : true,
                PublishCloudwatchMetricsEnabled = true,
                BytesScannedCutoffPerQuery = settings.BytesScannedCutoffPerQuery,
                EngineVersion = new WorkgroupConfigurationEngineVersionArgs { SelectedEngineVersion = EngineVersion },
                ResultConfiguration = new WorkgroupConfigurationResultConfigurationArgs
                {
                    OutputLocation = Infra.Model.Values.Fn.Interpolate($"s3://{storage.AthenaResults.BucketName}/{ResultsPrefix(purpose.Name)}/"),
                    EncryptionConfiguration = new WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs
                    {
                        EncryptionOption = purpose.Encryption,
                        KmsKeyArn = purpose.Key,
                    },
                },
            },
        }, context.DataOptions());
        return new WorkgroupResult(workgroup.Attr("name"), context.Arn("athena", $"workgroup/{name}"), ResultsPrefix(purpose.Name));
    }

    /// <summary>Where a workgroup's results go in the results bucket (the analysts' under <c>results/</c>, as before).</summary>
    private static string ResultsPrefix(string purpose) => purpose == "analytics" ? "results" : purpose;

    private sealed record WorkgroupPurpose(string Name, string Description, bool Enforced, string Encryption, Infra.Model.Values.Value? Key);
}

/// <param name="Arn">The workgroup's ARN (known before deployment: it is named by the stack).</param>
/// <param name="ResultsPrefix">Its results' prefix in the results bucket.</param>
public sealed record WorkgroupResult(Infra.Model.Values.Reference Name, Infra.Model.Values.Value Arn, string ResultsPrefix);

/// <param name="Analytics">Where people query (enforced settings).</param>
/// <param name="Pipeline">Where the pipelines query and build gold, when the stack has pipelines.</param>
/// <param name="TableWrites">Where the pipelines merge into S3 Tables, when they do.</param>
public sealed record ServingResult(WorkgroupResult Analytics, WorkgroupResult? Pipeline, WorkgroupResult? TableWrites);
