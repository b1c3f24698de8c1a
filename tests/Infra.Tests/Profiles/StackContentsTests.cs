using Infra.Cli;
using Infra.Platform.Profiles;
using Infra.Tests.Support;

namespace Infra.Tests.Profiles;

/// <summary>Each stack holds exactly its course's architecture, and its checked-in summary matches the code.</summary>
public class StackContentsTests
{
    private static readonly string[] Foundation = ["AwsProvider", "EncryptionKey", "LakehouseStorage", "NotificationTopic", "PrivateNetwork", "SourceDatabase",
        "DatabaseExtraction", "SilverTransformation", "GlueCatalog", "Serving", "PipelineOrchestration", "StackMonitoring"];

    public static readonly TheoryData<string, string[]> Expected = new()
    {
        { "course1", [.. Foundation, "Streaming(sessions)"] },
        { "course2", [.. Foundation, "Streaming(sessions)", "StreamIngestion(sessions)", "Streaming(orders)", "RestApiIngestion"] },
        { "course3", [.. Foundation, "Streaming(orders)", "LakeFormation"] },
        { "course4", [.. Foundation, "RestApiIngestion"] },
        { "dev", [.. Foundation, "Streaming(sessions)", "StreamIngestion(sessions)", "Streaming(orders)", "RestApiIngestion", "LakeFormation"] },
        { "prod", [.. Foundation, "Streaming(sessions)", "StreamIngestion(sessions)", "Streaming(orders)", "RestApiIngestion", "LakeFormation"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_stack_holds_exactly_the_components_of_its_courses(string stack, string[] components)
    {
        var program = PlatformProgram.Build(Stacks.Settings(stack));

        Assert.Equal(components.Order(StringComparer.Ordinal), program.Resources.Select(r => r.Group).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("course1", "course1")]
    [InlineData("course2", "course2")]
    [InlineData("course3", "course3")]
    [InlineData("course4", "course4")]
    public void A_course_stack_runs_its_own_pipeline_only_and_the_environments_run_all(string stack, string course)
    {
        var machines = PlatformProgram.Build(Stacks.Settings(stack)).Resources.Where(r => r.Type == "aws:sfn:StateMachine").Select(r => r.Name).ToList();

        Assert.Equal([$"{course}-pipeline-state-machine"], machines);
        Assert.Equal(4, PlatformProgram.Build(Stacks.Settings("dev")).Resources.Count(r => r.Type == "aws:sfn:StateMachine"));
    }

    [Fact]
    public void Prod_protects_every_data_store_and_dev_protects_none()
    {
        var dataTypes = new[] { "aws:s3:Bucket", "aws:kinesis:Stream", "aws:rds:Instance", "aws:kms:Key", "aws:sqs:Queue", "aws:s3tables:TableBucket" };
        var prod = PlatformProgram.Build(Stacks.Settings("prod")).Resources.Where(r => dataTypes.Contains(r.Type)).ToList();
        var dev = PlatformProgram.Build(Stacks.Settings("dev")).Resources.Where(r => dataTypes.Contains(r.Type)).ToList();

        Assert.NotEmpty(prod);
        Assert.All(prod, r => Assert.True(r.Options.Protect == true && r.Options.RetainOnDelete == true, $"{r.Name} is not protected in prod"));
        Assert.All(dev, r => Assert.NotEqual(true, r.Options.Protect));
    }

    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void The_checked_in_summary_matches_the_stack(string stack)
    {
        var expected = StackSummary.Print(Stacks.Settings(stack), PlatformProgram.Build(Stacks.Settings(stack)));
        var file = Repository.PathOf("stacks", "summaries", $"{stack}.md");

        Assert.True(File.Exists(file) && File.ReadAllText(file) == expected,
            $"stacks/summaries/{stack}.md is out of date: review the change, then run ./infra/dataplatform summary --stack {stack} > stacks/summaries/{stack}.md");
    }
}
