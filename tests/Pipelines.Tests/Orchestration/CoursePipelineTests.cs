using Pipelines.Declarations.Functions;
using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Orchestration;

namespace Pipelines.Tests.Orchestration;

/// <summary>Each course's pipeline as derived from its gold models' reads and the silver declarations.</summary>
public class CoursePipelineTests
{
    private static readonly CourseData Data = new(new GeneratorSettings());

    private static List<string> Names(CoursePipeline pipeline) => [.. pipeline.Steps.Select(step => step.Name)];

    [Fact]
    public void Course3_extracts_what_its_models_read_and_what_that_references_then_gates_before_gold()
    {
        var pipeline = CoursePipelines.For("course3");

        Assert.Equal(["ExtractDatabase", "SilverTransform", "QualityGate", "Build_ratings_per_product", "Build_sales_report", "NotifySuccess"], Names(pipeline));
        var extract = Assert.Single(pipeline.Extracts);
        Assert.Equal(DbExtractContract.Function, extract.Function);
        // Read: orders, orderdetails, ratings; referenced by their rules: customers, products, employees, offices, productlines.
        Assert.Equal(["customers", "employees", "offices", "orderdetails", "orders", "productlines", "products", "ratings"], extract.Datasets);
        Assert.Equal(extract.Datasets, pipeline.Silver.Select(d => d.Name).Order(StringComparer.Ordinal));
        var referenced = pipeline.Silver.SelectMany(d => d.Rules.OfType<References>()).Select(r => r.Dataset).Distinct();
        Assert.All(referenced, name => Assert.Contains(name, pipeline.Silver.Select(d => d.Name)));
    }

    [Fact]
    public void Course4_reads_the_api_for_the_music_service_builds_tables_in_dag_order_and_refreshes_views_last()
    {
        var pipeline = CoursePipelines.For("course4");
        var names = Names(pipeline);

        Assert.Equal(["users", "listening_sessions"], pipeline.Extracts.Single(e => e.Source == ExtractSource.Api).Datasets.Order().Reverse());
        Assert.Contains("artists", pipeline.Extracts.Single(e => e.Source == ExtractSource.Database).Datasets);
        Assert.True(names.IndexOf("Build_dim_dates") < names.IndexOf("Build_fact_orders"));
        Assert.True(names.IndexOf("Build_orders_1nf") < names.IndexOf("Build_orders_2nf"));
        var refresh = Assert.IsType<RefreshStep>(pipeline["Refresh"]);
        Assert.All(refresh.Models, model => Assert.True(model.IsServing));
        Assert.Contains(refresh.Models, model => model.Name == "sales_per_country_materialized" && model.IsRefreshed);
        Assert.Equal(names.Count - 2, names.IndexOf("Refresh"));
        Assert.DoesNotContain(pipeline.Steps.OfType<GoldModelStep>(), step => step.Model.IsServing);
        Assert.Equal(GoldModels.ForCourse("course4").Count, pipeline.Gold.Count);
    }

    [Fact]
    public void Course2_has_no_gold_and_lands_the_apis_sales_resources_in_bronze_only()
    {
        var pipeline = CoursePipelines.For("course2");

        Assert.Equal(["ExtractDatabase", "ExtractApi", "SilverTransform", "QualityGate", "NotifySuccess"], Names(pipeline));
        Assert.Equal(["customers", "orders", "products"], pipeline.Extracts.Single(e => e.Source == ExtractSource.Api).Datasets);
        Assert.All(pipeline.Silver, dataset => Assert.StartsWith("db/", dataset.BronzePrefix));
        Assert.Empty(pipeline.Gold);
    }

    [Fact]
    public void Every_course_has_a_pipeline_and_an_unknown_one_is_refused_by_name()
    {
        Assert.All(CoursePipelines.Courses, course => Assert.Equal("NotifySuccess", CoursePipelines.For(course).Steps[^1].Name));
        var error = Assert.Throws<ArgumentException>(() => CoursePipelines.For("course9"));
        Assert.Contains("course9", error.Message);
        Assert.Contains("no step 'Nope'", Assert.Throws<ArgumentException>(() => CoursePipelines.For("course1")["Nope"]).Message);
    }
}
