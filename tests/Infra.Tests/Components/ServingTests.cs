using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Declarations.Lakehouse;

namespace Infra.Tests.Components;

/// <summary>The Athena workgroup and named queries as deployed (mocked).</summary>
public class ServingTests
{
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");

    [Fact]
    public void The_workgroup_enforces_encrypted_results_in_the_results_bucket_and_a_scan_cutoff()
    {
        var workgroup = Dev.Resource("workgroup");

        Assert.Equal(true, workgroup.Input("configuration.enforceWorkgroupConfiguration"));
        Assert.Equal($"s3://{Dev.Resource("athena-results-bucket").Id}/results/", workgroup.Input("configuration.resultConfiguration.outputLocation"));
        Assert.Equal("SSE_KMS", workgroup.Input("configuration.resultConfiguration.encryptionConfiguration.encryptionOption"));
        Assert.Equal(Dev.Outputs["kmsKeyArn"], workgroup.Input("configuration.resultConfiguration.encryptionConfiguration.kmsKeyArn"));
        Assert.Equal(10L * 1024 * 1024 * 1024, workgroup.Input("configuration.bytesScannedCutoffPerQuery"));
        Assert.Equal(100L * 1024 * 1024 * 1024, Stacks.Deploy("prod").Resource("workgroup").Input("configuration.bytesScannedCutoffPerQuery"));
        Assert.Equal(true, workgroup.Input("forceDestroy"));
    }

    [Fact]
    public void Every_gold_model_of_the_stacks_courses_is_a_named_query_in_the_gold_database()
    {
        var expected = GoldModels.Courses.Sum(course => GoldModels.ForCourse(course).Count);
        var queries = Dev.OfType("aws:athena:NamedQuery").Where(q => !q.Name.EndsWith("-backfill-query", StringComparison.Ordinal)).ToList();

        Assert.Equal(expected, queries.Count);
        Assert.All(queries, query => Assert.Equal("dataplatform_dev_gold", query.Input("database")));
        Assert.All(queries, query => Assert.Equal(Dev.Resource("workgroup").Outputs["name"], query.Input("workgroup")));
        var fact = Dev.Resource("course1-fact_orders-query");
        var query = (string)fact.Input("query")!;
        Assert.Equal(GoldModels.ForCourse("course1").Single(m => m.Name == "fact_orders").Qualified(relation =>
            relation.StartsWith("silver.", StringComparison.Ordinal) ? $"dataplatform_dev_silver.{relation[7..]}_current" : $"dataplatform_dev_gold.{relation[5..]}"), query);
        Assert.Contains("FROM dataplatform_dev_silver.orderdetails_current AS d", query);
    }

    [Theory]
    [InlineData("course1", "course1")]
    [InlineData("course3", "course3")]
    [InlineData("course4", "course4")]
    public void A_course_stack_holds_its_own_models_only(string stack, string course)
    {
        var names = Stacks.Deploy(stack).OfType("aws:athena:NamedQuery").Select(q => (string)q.Input("name")!).Where(n => !n.StartsWith("backfill ", StringComparison.Ordinal)).ToList();

        Assert.Equal(GoldModels.ForCourse(course).Count, names.Count);
        Assert.All(names, name => Assert.StartsWith(course + " ", name));
    }

    [Fact]
    public void A_course_without_gold_models_has_its_workgroups_and_no_gold_queries()
    {
        var course2 = Stacks.Deploy("course2");
        Assert.Equal(["pipeline-workgroup", "workgroup"], course2.OfType("aws:athena:Workgroup").Select(w => w.Name).Order());
        Assert.DoesNotContain(course2.OfType("aws:athena:NamedQuery"), q => !((string)q.Input("name")!).StartsWith("backfill ", StringComparison.Ordinal));
    }

    [Fact]
    public void People_query_where_nothing_can_be_overridden_and_pipelines_where_athena_allows_their_statements()
    {
        var prod = Stacks.Deploy("prod");
        var analytics = prod.Resource("workgroup");
        var pipeline = prod.Resource("pipeline-workgroup");
        var tableWrites = prod.Resource("s3-tables-writes-workgroup");

        Assert.Equal(true, analytics.Input("configuration.enforceWorkgroupConfiguration"));
        Assert.Equal("SSE_KMS", analytics.Input("configuration.resultConfiguration.encryptionConfiguration.encryptionOption"));
        // CTAS with external_location is refused where the results location is enforced; results stay at least SSE-KMS.
        Assert.Equal(false, pipeline.Input("configuration.enforceWorkgroupConfiguration"));
        Assert.Equal(true, pipeline.Input("configuration.enableMinimumEncryptionConfiguration"));
        Assert.Equal("SSE_KMS", pipeline.Input("configuration.resultConfiguration.encryptionConfiguration.encryptionOption"));
        // Writes to S3 Tables are refused from a workgroup with KMS-encrypted results.
        Assert.Equal(true, tableWrites.Input("configuration.enforceWorkgroupConfiguration"));
        Assert.Equal("SSE_S3", tableWrites.Input("configuration.resultConfiguration.encryptionConfiguration.encryptionOption"));
        Assert.DoesNotContain(Stacks.Deploy("course4").OfType("aws:athena:Workgroup"), w => w.Name == "s3-tables-writes-workgroup");
    }

    [Fact]
    public void Each_silver_dataset_has_a_backfill_query_over_its_bronze_table_with_the_silver_logic()
    {
        var course3 = Stacks.Deploy("course3");
        var datasets = Infra.Platform.Components.Ingestion.StackContents.ForStack("course3").Silver;
        var backfills = course3.OfType("aws:athena:NamedQuery").Where(q => q.Name.EndsWith("-backfill-query", StringComparison.Ordinal)).ToList();

        Assert.Equal(datasets.Count, backfills.Count);
        var orders = course3.Resource("silver-orders-backfill-query");
        Assert.Equal(Pipelines.Declarations.Sql.SilverSql.Silver(datasets.Single(d => d.Name == "orders"), "dataplatform_course3_bronze.orders"), orders.Input("query"));
    }
}
