using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Ingestion;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Sql;

namespace Infra.Tests.Components;

/// <summary>The catalog as deployed (mocked): generated from the silver declarations, encrypted with the stack key.</summary>
public class GlueCatalogTests
{
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");
    private static readonly IReadOnlyList<SilverDataset> Silver = SilverDatasets.All;

    [Fact]
    public void Each_layer_has_a_database_over_its_bucket()
    {
        foreach (var layer in GlueCatalog.Layers)
        {
            var database = Dev.Resource($"{layer}-database");
            Assert.Equal($"dataplatform_dev_{layer}", database.Input("name"));
            Assert.Equal($"s3://{Dev.Resource($"{layer}-bucket").Id}/", database.Input("locationUri"));
        }
    }

    [Fact]
    public void Each_silver_dataset_has_a_parquet_table_with_its_declared_columns_and_types()
    {
        foreach (var dataset in Silver)
        {
            var table = Dev.Resource($"silver-{dataset.Name}-table");
            Assert.Equal(Dev.Resource("silver-database").Inputs["name"], table.Input("databaseName"));
            Assert.Equal(dataset.Name, table.Input("name"));
            Assert.Equal($"s3://{Dev.Resource("silver-bucket").Id}/{dataset.Name}/", table.Input("storageDescriptor.location"));
            Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", table.Input("storageDescriptor.serDeInfo.serializationLibrary"));
            var columns = ((List<object?>)table.Input("storageDescriptor.columns")!).Cast<Dictionary<string, object?>>().Select(c => ((string)c["name"]!, (string)c["type"]!));
            Assert.Equal(dataset.Columns.Select(c => (c.Name, GlueCatalog.GlueType(c.Type))), columns);
        }
        Assert.Equal(2 * Silver.Count, Dev.OfType("aws:glue:CatalogTable").Count(t => !t.Inputs.ContainsKey("openTableFormatInput")));
    }

    [Fact]
    public void Partitions_are_projected_from_their_declared_range_so_no_crawler_is_needed()
    {
        var orders = Dev.Resource("silver-orders-table");
        var parameters = (Dictionary<string, object?>)orders.Input("parameters")!;

        Assert.Equal("true", parameters["projection.enabled"]);
        Assert.Equal("integer", parameters["projection.order_year.type"]);
        Assert.Equal("1990,2099", parameters["projection.order_year.range"]);
        Assert.Equal($"s3://{Dev.Resource("silver-bucket").Id}/orders/order_year=${{order_year}}/", parameters["storage.location.template"]);
        Assert.False(((Dictionary<string, object?>)Dev.Resource("silver-customers-table").Input("parameters")!).ContainsKey("projection.enabled"));
        Assert.Equal(new List<object?> { new Dictionary<string, object?> { ["name"] = "order_year", ["type"] = "bigint" } }, orders.Input("partitionKeys"));
        // The one crawler (course 3's lab) reads the raw extracts, never silver.
        Assert.All(Dev.OfType("aws:glue:Crawler"), crawler => Assert.DoesNotContain("silver", System.Text.Json.JsonSerializer.Serialize(crawler.Input("s3Targets")), StringComparison.Ordinal));
    }

    [Fact]
    public void Quality_rulesets_are_the_declared_rules_on_their_table()
    {
        foreach (var dataset in Silver)
        {
            var ruleset = Dev.Resource($"silver-{dataset.Name}-quality");
            Assert.Equal(Dqdl.Ruleset(dataset).Ruleset, ruleset.Input("ruleset"));
            Assert.Equal(Dev.Resource($"silver-{dataset.Name}-table").Outputs["name"], ruleset.Input("targetTable.tableName"));
        }
    }

    [Fact]
    public void Each_silver_dataset_has_a_bronze_table_of_text_columns_for_a_backfill_partitioned_by_ingest_date()
    {
        var bronze = Dev.Resource("bronze-bucket").Id;
        foreach (var dataset in Silver)
        {
            var table = Dev.Resource($"bronze-{dataset.Name}-table");
            var parameters = (Dictionary<string, object?>)table.Input("parameters")!;
            Assert.Equal(Dev.Resource("bronze-database").Inputs["name"], table.Input("databaseName"));
            Assert.Equal($"s3://{bronze}/{dataset.BronzePrefix}/", table.Input("storageDescriptor.location"));
            Assert.Equal("org.openx.data.jsonserde.JsonSerDe", table.Input("storageDescriptor.serDeInfo.serializationLibrary"));
            Assert.Equal($"s3://{bronze}/{dataset.BronzePrefix}/ingest_date=${{ingest_date}}/", parameters["storage.location.template"]);
            Assert.Equal("date", parameters["projection.ingest_date.type"]);
            var types = ((List<object?>)table.Input("storageDescriptor.columns")!).Cast<Dictionary<string, object?>>().Select(c => (string)c["type"]!).ToList();
            Assert.Equal(dataset.Source.Columns.Count, types.Count);
            Assert.All(types, type => Assert.True(type == "string" || type.StartsWith("array<struct<", StringComparison.Ordinal), type));
        }
        var sessions = ((List<object?>)Dev.Resource("bronze-listening_sessions-table").Input("storageDescriptor.columns")!).Cast<Dictionary<string, object?>>().Single(c => (string)c["name"]! == "items");
        Assert.Equal("array<struct<song_id:string,title:string,artist_name:string,price:string,liked:string,liked_since:string>>", sessions["type"]);
    }

    [Fact]
    public void The_account_stack_encrypts_the_catalog_with_its_key_which_it_keeps_and_the_other_stacks_only_read_it()
    {
        var account = Stacks.Deploy(Infra.Platform.Components.Account.AccountWide.Stack);
        var encryption = account.Resource("catalog-encryption");
        var key = account.Resource("data-key");

        Assert.Equal("SSE-KMS", encryption.Input("dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode"));
        Assert.Equal(key.Outputs["arn"], encryption.Input("dataCatalogEncryptionSettings.encryptionAtRest.sseAwsKmsKeyId"));
        Assert.Equal(true, encryption.Input("dataCatalogEncryptionSettings.connectionPasswordEncryption.returnConnectionPasswordEncrypted"));
        Assert.Equal(key.Outputs["arn"], encryption.Input("dataCatalogEncryptionSettings.connectionPasswordEncryption.awsKmsKeyId"));
        // Destroying the account stack never schedules the deletion of the key catalog objects are encrypted under.
        Assert.True(key.HasOption("protect", true) && key.HasOption("retainOnDelete", true));
        Assert.Equal(Infra.Platform.Components.Account.AccountWide.CatalogKeyAlias("dataplatform"), account.Resource("data-key-alias").Input("name"));

        Assert.DoesNotContain(Dev.Resources, r => r.Type == "aws:glue:DataCatalogEncryptionSettings");
        Assert.Equal($"arn:aws:kms:eu-west-1:{Infra.Tests.Mocking.EchoMocks.AccountId}:key/account-data-key-id", Dev.Variables[Infra.Platform.Components.Account.AccountWide.CatalogKeyVariable]);
    }
}

/// <summary>Course 3's crawler over the raw zone and the security configuration every crawler runs with.</summary>
public class RawZoneCrawlerTests
{
    private static readonly Infra.Tests.Mocking.DeploymentResult Course3 = Stacks.Deploy("course3");

    [Fact]
    public void The_crawler_runs_with_a_security_configuration_encrypting_everything_with_the_stack_key()
    {
        var crawler = Course3.Resource("raw-zone-crawler");
        var security = Course3.Resource("glue-security-configuration");
        var key = Course3.Outputs["kmsKeyArn"];

        Assert.Equal(security.Outputs["name"] ?? security.Input("name"), crawler.Input("securityConfiguration"));
        Assert.Equal("SSE-KMS", security.Input("encryptionConfiguration.s3Encryption.s3EncryptionMode"));
        Assert.Equal("SSE-KMS", security.Input("encryptionConfiguration.cloudwatchEncryption.cloudwatchEncryptionMode"));
        Assert.Equal("CSE-KMS", security.Input("encryptionConfiguration.jobBookmarksEncryption.jobBookmarksEncryptionMode"));
        Assert.All(new[] { "s3Encryption", "cloudwatchEncryption", "jobBookmarksEncryption" },
            part => Assert.Equal(key, security.Input($"encryptionConfiguration.{part}.kmsKeyArn")));
        Assert.All(Course3.OfType("aws:glue:Crawler"), c => Assert.NotNull(c.Input("securityConfiguration")));
    }

    [Fact]
    public void The_crawler_reads_the_raw_extracts_and_may_change_only_its_own_prefixed_tables()
    {
        var crawler = Course3.Resource("raw-zone-crawler");
        Assert.Equal("dataplatform_course3_bronze", crawler.Input("databaseName"));
        Assert.Equal("crawled_", crawler.Input("tablePrefix"));
        var target = (Dictionary<string, object?>)((List<object?>)crawler.Input("s3Targets")!)[0]!;
        Assert.Equal($"s3://{Course3.Resource("bronze-bucket").Id}/db/", target["path"]);

        var statements = System.Text.Json.JsonDocument.Parse((string)Course3.Resource("raw-zone-crawler-permissions").Input("policy")!).RootElement.GetProperty("Statement").EnumerateArray().ToList();
        var changes = statements.Single(s => s.GetProperty("Sid").GetString() == "ChangeItsOwnTables");
        Assert.Contains(changes.GetProperty("Resource").EnumerateArray(), r => r.GetString()!.EndsWith(":table/dataplatform_course3_bronze/crawled_*", StringComparison.Ordinal));
        Assert.DoesNotContain(changes.GetProperty("Resource").EnumerateArray(), r => r.GetString()!.EndsWith("/*", StringComparison.Ordinal) && !r.GetString()!.EndsWith("crawled_*", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() is "glue:DeleteTable" or "s3:PutObject"));
    }

    [Fact]
    public void Only_course_3_and_the_environments_have_the_crawler()
    {
        Assert.Empty(Stacks.Deploy("course1").OfType("aws:glue:Crawler"));
        Assert.Single(Stacks.Deploy("dev").OfType("aws:glue:Crawler"));
    }
}
