using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Storage;
using Infra.Providers.Aws.Athena;
using Infra.Providers.Aws.Athena.Inputs;
using Infra.Platform.Components.Ingestion;
using Pipelines.Data.Sql;

namespace Infra.Platform.Components.Serving;

/// <summary>
/// Where analysts query: one Athena workgroup whose configuration queries cannot override (results in the
/// results bucket, encrypted with the stack key, a bytes-scanned cutoff per query, engine version 3), and a
/// named query for every gold model of the stack's courses. Views and tables themselves are created by the
/// pipeline's first run, because they read gold tables that only the pipeline builds (docs/decisions.md).
/// </summary>
public static class Serving
{
    public const string EngineVersion = "Athena engine version 3";

    public static ServingResult Create(PlatformContext context, ServingSettings settings, LakehouseStorageResult storage, GlueCatalogResult catalog, StackCatalog stack)
    {
        var scope = context.Scope(nameof(Serving));
        var workgroupName = context.Name("analytics");
        var workgroup = scope.Add("workgroup", new WorkgroupArgs
        {
            Name = workgroupName,
            Description = "Queries over the lakehouse; its settings cannot be overridden by a query",
            State = "ENABLED",
            ForceDestroy = !context.RetainData,
            Configuration = new WorkgroupConfigurationArgs
            {
                EnforceWorkgroupConfiguration = true,
                PublishCloudwatchMetricsEnabled = true,
                BytesScannedCutoffPerQuery = settings.BytesScannedCutoffPerQuery,
                EngineVersion = new WorkgroupConfigurationEngineVersionArgs { SelectedEngineVersion = EngineVersion },
                ResultConfiguration = new WorkgroupConfigurationResultConfigurationArgs
                {
                    OutputLocation = Infra.Model.Values.Fn.Interpolate($"s3://{storage.AthenaResults.BucketName}/results/"),
                    EncryptionConfiguration = new WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs
                    {
                        EncryptionOption = "SSE_KMS",
                        KmsKeyArn = context.RequireKey().KeyArn,
                    },
                },
            },
        });
        foreach (var pipeline in stack.Pipelines)
        {
            foreach (var model in pipeline.Gold)
            {
                scope.Add($"{pipeline.Course}-{model.Name}-query", new NamedQueryArgs
                {
                    Name = $"{pipeline.Course} {model.Name}",
                    Description = $"Gold model {model.Name} of {pipeline.Course}",
                    Database = catalog.Databases["gold"],
                    Workgroup = workgroup.Attr("name"),
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
                Workgroup = workgroup.Attr("name"),
                Query = SilverSql.Silver(dataset, catalog.Relation($"bronze.{dataset.Name}")),
            });
        }
        context.Output(workgroup.Attr("name"), "AthenaWorkgroup");
        return new ServingResult(workgroup.Attr("name"), context.Arn("athena", $"workgroup/{workgroupName}"));
    }
}

/// <param name="WorkgroupArn">The workgroup's ARN (known before deployment: it is named by the stack).</param>
public sealed record ServingResult(Infra.Model.Values.Reference WorkgroupName, Infra.Model.Values.Value WorkgroupArn);
