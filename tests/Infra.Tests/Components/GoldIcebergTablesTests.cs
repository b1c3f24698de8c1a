using System.Text.Json;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Declarations.Lakehouse;

namespace Infra.Tests.Components;

/// <summary>The merge models' Iceberg tables: Glue Iceberg (format 2) by default, S3 Tables in prod.</summary>
public class GoldIcebergTablesTests
{
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");
    private static readonly DeploymentResult Prod = Stacks.Deploy("prod");
    private static readonly GoldModel SalesReport = GoldModels.ForCourse("course3").Single(m => m.Name == "sales_report");

    [Fact]
    public void Each_merge_model_is_an_iceberg_v2_table_in_the_gold_database_over_the_gold_bucket_with_its_declared_columns()
    {
        var table = Dev.Resource("gold-sales_report-table");

        Assert.Equal("dataplatform_dev_gold", table.Input("databaseName"));
        Assert.Equal("CREATE", table.Input("openTableFormatInput.icebergInput.metadataOperation"));
        Assert.Equal("2", table.Input("openTableFormatInput.icebergInput.version"));
        Assert.Equal($"s3://{Dev.Resource("gold-bucket").Id}/sales_report/", table.Input("storageDescriptor.location"));
        var columns = ((List<object?>)table.Input("storageDescriptor.columns")!).Cast<Dictionary<string, object?>>().Select(c => ((string)c["name"]!, (string)c["type"]!));
        Assert.Equal(SalesReport.Columns.Select(c => (c.Name, c.Type)), columns);
        var merges = GoldModels.Courses.SelectMany(GoldModels.ForCourse).Count(m => m.MergeOn is not null);
        Assert.Equal(merges, Dev.OfType("aws:glue:CatalogTable").Count(t => t.Inputs.ContainsKey("openTableFormatInput")));
        Assert.DoesNotContain(Stacks.Deploy("course1").OfType("aws:glue:CatalogTable"), t => t.Inputs.ContainsKey("openTableFormatInput"));
    }

    [Fact]
    public void Prod_keeps_them_in_an_s3_table_bucket_encrypted_with_the_stack_key_and_maintained_by_the_service()
    {
        var bucket = Prod.Resource("gold-table-bucket");
        var table = Prod.Resource("gold-sales_report-s3-table");

        Assert.Equal("aws:kms", bucket.Input("encryptionConfiguration.sseAlgorithm"));
        Assert.Equal(Prod.Outputs["kmsKeyArn"], bucket.Input("encryptionConfiguration.kmsKeyArn"));
        Assert.Equal(false, bucket.Input("forceDestroy"));
        Assert.True(bucket.HasOption("protect", true));
        Assert.Equal(Prod.Outputs["kmsKeyArn"], table.Input("encryptionConfiguration.kmsKeyArn"));
        Assert.Equal("ICEBERG", table.Input("format"));
        Assert.Equal("enabled", table.Input("maintenanceConfiguration.icebergCompaction.status"));
        Assert.Equal("enabled", table.Input("maintenanceConfiguration.icebergSnapshotManagement.status"));
        var fields = ((List<object?>)table.Input("metadata.iceberg.schema.fields")!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["long", "long", "decimal(38,2)", "long"], fields.Select(f => (string)f["type"]!));
        Assert.DoesNotContain(Prod.Resources, r => r.Name == "gold-sales_report-table");
    }

    [Fact]
    public void In_prod_the_pipeline_merges_into_the_s3_table_and_may_touch_only_that_bucket()
    {
        var states = JsonDocument.Parse((string)Prod.Resource("course3-pipeline-state-machine").Input("definition")!).RootElement.GetProperty("States");
        var query = states.GetProperty("Build_sales_report").GetProperty("Parameters").GetProperty("QueryString").GetString()!;

        Assert.StartsWith("MERGE INTO \"s3tablescatalog/dataplatform-prod-gold-tables\".gold.sales_report AS t", query);
        var policy = JsonDocument.Parse((string)Prod.Resource("course3-pipeline-permissions").Input("policy")!).RootElement.GetProperty("Statement").EnumerateArray();
        var tables = policy.Single(s => s.GetProperty("Sid").GetString() == "MergeIntoGoldS3Tables");
        var arn = (string)Prod.Resource("gold-table-bucket").Outputs["arn"]!;
        Assert.Equal([arn, $"{arn}/table/*"], tables.GetProperty("Resource").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(JsonDocument.Parse((string)Prod.Resource("course1-pipeline-permissions").Input("policy")!).RootElement.GetProperty("Statement").EnumerateArray(),
            s => s.GetProperty("Sid").GetString() == "MergeIntoGoldS3Tables");
    }
}
