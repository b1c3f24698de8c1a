using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Storage;
using Infra.Platform.Iam;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Orchestration;

namespace Infra.Platform.Components.Orchestration;

/// <summary>
/// What a course's state machine does at run time, derived from the course's pipeline declaration: invokes its
/// functions, runs its queries in the pipelines' workgroups (results in the results bucket), replaces the silver
/// current views and reads silver through them, builds each gold model (a view replaced, a table merged, or a
/// run's table created at the run's location and served by the model's view, older runs then deleted), publishes its metrics
/// and notices, delivers its logs and sends traces.
/// </summary>
public static class PipelineActor
{
    public static readonly IReadOnlyList<string> QueryActions = ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution"];

    public static Actor Of(PlatformContext context, CoursePipeline pipeline, string roleResource, PipelineTargets targets, LakehouseStorageResult storage)
    {
        var calls = new List<Call>();
        calls.AddRange(pipeline.Extracts.Select(step => step.Function).Append(Pipelines.Declarations.Functions.SilverTransformContract.Function).Distinct()
            .Select(function => new ApiCall("lambda:InvokeFunction", targets.Function(function))));
        var results = storage.AthenaResults.Arn;
        foreach (var workgroup in targets.Workgroups(pipeline))
        {
            calls.AddRange(QueryActions.Select(action => new ApiCall(action, workgroup.Arn)));
            var result = Fn.Interpolate($"{results}/{workgroup.ResultsPrefix}/query.csv");
            calls.AddRange(
            [
                new ApiCall("s3:GetBucketLocation", results),
                new ApiCall("s3:ListBucket", results),
                new ApiCall("s3:PutObject", result),
                new ApiCall("s3:GetObject", result),
                new ApiCall("s3:AbortMultipartUpload", result),
            ]);
        }
        var silver = targets.Databases["silver"];
        var gold = targets.Databases["gold"];
        // Each query runs in its layer's database (the query execution context).
        var queried = pipeline.Gold.Count > 0 ? new[] { silver, gold } : [silver];
        calls.AddRange(queried.Select(database => new ApiCall("glue:GetDatabase", context.Arn("glue", $"database/{database}"))));
        foreach (var dataset in pipeline.Silver)
        {
            calls.Add(new TableWrite(silver, dataset.CurrentView, null, TableChange.Replace));
        }
        var read = new HashSet<string>(StringComparer.Ordinal);
        void Read(string layered)
        {
            if (!read.Add(layered))
            {
                return;
            }
            var name = layered[(layered.IndexOf('.') + 1)..];
            if (layered.StartsWith("silver.", StringComparison.Ordinal))
            {
                var location = Fn.Interpolate($"{storage.Silver.Arn}/{name}/");
                calls.Add(new TableRead(silver, $"{name}_current", location));
                calls.Add(new TableRead(silver, name, location));
            }
            else
            {
                calls.Add(new TableRead(gold, name, Fn.Interpolate($"{storage.Gold.Arn}/{name}/")));
            }
        }
        foreach (var dataset in pipeline.Steps.OfType<QualityGateStep>().SelectMany(step => step.Datasets))
        {
            Read($"silver.{dataset.Name}");
        }
        foreach (var model in pipeline.Gold)
        {
            foreach (var relation in model.Reads)
            {
                Read(relation);
            }
            calls.AddRange(Build(context, model, gold, storage.Gold, targets));
        }
        calls.Add(new ApiCall("sns:Publish", targets.Topic));
        calls.Add(new ApiCall(WildcardResourceActions.PutMetricData, "*", new Dictionary<string, string> { ["cloudwatch:namespace"] = PipelineDefinition.MetricNamespace }));
        calls.AddRange(WildcardResourceActions.LogDelivery.Select(action => new ApiCall(action, "*")));
        calls.AddRange(new[] { WildcardResourceActions.PutTraceSegments, WildcardResourceActions.PutTelemetryRecords, WildcardResourceActions.GetSamplingRules, WildcardResourceActions.GetSamplingTargets }
            .Select(action => new ApiCall(action, "*")));
        return new Actor($"{pipeline.Course} pipeline", new RolePrincipal(roleResource), calls);
    }

    private static IEnumerable<Call> Build(PlatformContext context, GoldModel model, string gold, BucketResult bucket, PipelineTargets targets)
    {
        if (model.IsView)
        {
            yield return new TableWrite(gold, model.Name, null, TableChange.Replace);
            yield break;
        }
        if (model.MergeOn is not null && targets.Catalog.TableBucket is { } tables)
        {
            var table = Fn.Interpolate($"{tables.Arn}/table/{model.Name}");
            foreach (var action in new[] { "s3tables:GetTableBucket", "s3tables:GetNamespace", "s3tables:GetTable", "s3tables:GetTableMetadataLocation",
                "s3tables:UpdateTableMetadataLocation", "s3tables:GetTableData", "s3tables:PutTableData" })
            {
                yield return new ApiCall(action, action is "s3tables:GetTableBucket" or "s3tables:GetNamespace" ? tables.Arn : table);
            }
            // Athena reaches the table through the S3 Tables catalog federated into the Glue Data Catalog.
            var federated = $"s3tablescatalog/{tables.Name}";
            yield return new ApiCall("glue:GetCatalog", context.Arn("glue", $"catalog/{federated}"));
            yield return new ApiCall("glue:GetDatabase", context.Arn("glue", $"database/{federated}/{GoldIcebergTables.Namespace}"));
            yield return new ApiCall("glue:GetTable", context.Arn("glue", $"table/{federated}/{GoldIcebergTables.Namespace}/{model.Name}"));
            yield return new ApiCall("glue:UpdateTable", context.Arn("glue", $"table/{federated}/{GoldIcebergTables.Namespace}/{model.Name}"));
            yield break;
        }
        if (model.MergeOn is not null)
        {
            var location = Fn.Interpolate($"{bucket.Arn}/{model.Name}/");
            yield return new TableRead(gold, model.Name, location);
            yield return new TableWrite(gold, model.Name, location, TableChange.Insert);
            yield break;
        }
        // The run's table at the run's location, then the model's view over it.
        const string ThisRun = "20260101000000";
        const string OlderRun = "20250101000000";
        yield return new TableWrite(gold, GoldCleanup.RunTable(model, ThisRun), Fn.Interpolate($"{bucket.Arn}/{GoldCleanup.RunPrefix(model)}{ThisRun}/"), TableChange.Create);
        yield return new TableWrite(gold, model.Name, null, TableChange.Replace);
        // The cleanup lists the model's runs, deletes an older run's objects, then lists and deletes its table.
        yield return new ApiCall("s3:ListBucket", bucket.Arn, new Dictionary<string, string> { ["s3:prefix"] = GoldCleanup.RunPrefix(model) });
        yield return new ApiCall("s3:ListBucket", bucket.Arn, new Dictionary<string, string> { ["s3:prefix"] = $"{GoldCleanup.RunPrefix(model)}{OlderRun}/" });
        yield return new ApiCall("s3:DeleteObject", Fn.Interpolate($"{bucket.Arn}/{GoldCleanup.RunPrefix(model)}{OlderRun}/part-00000"));
        yield return new ApiCall("glue:GetTables", context.Arn("glue", "catalog"));
        yield return new ApiCall("glue:GetTables", context.Arn("glue", $"database/{gold}"));
        yield return new ApiCall("glue:GetTables", context.Arn("glue", $"table/{gold}/*"));
        yield return new TableWrite(gold, GoldCleanup.RunTable(model, OlderRun), null, TableChange.Delete);
    }
}
