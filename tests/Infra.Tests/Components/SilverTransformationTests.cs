using System.Text.Json;
using Infra.Platform.Components.Ingestion;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Declarations.Functions;
using Pipelines.Declarations.Lakehouse;

namespace Infra.Tests.Components;

/// <summary>The silver transform function as deployed (mocked): what it may read and write, and its size.</summary>
public class SilverTransformationTests
{
    private static readonly DeploymentResult Course3 = Stacks.Deploy("course3");

    private static JsonElement[] Statements() =>
        JsonDocument.Parse((string)Course3.Resource("silver-transform-permissions").Input("policy")!).RootElement.GetProperty("Statement").EnumerateArray().ToArray();

    private static List<string> Resources(JsonElement statement) =>
        statement.GetProperty("Resource").ValueKind == JsonValueKind.Array
            ? [.. statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!)]
            : [statement.GetProperty("Resource").GetString()!];

    [Fact]
    public void Reads_only_each_silver_datasets_bronze_prefix_and_writes_only_silver_and_the_quarantine()
    {
        var bronze = (string)Course3.Resource("bronze-bucket").Outputs["arn"]!;
        var silver = (string)Course3.Resource("silver-bucket").Outputs["arn"]!;
        var statements = Statements();
        var gets = statements.Where(s => s.GetProperty("Action").ToString().Contains("s3:GetObject", StringComparison.Ordinal)).SelectMany(Resources).ToHashSet();
        var puts = statements.Where(s => s.GetProperty("Action").ToString().Contains("s3:PutObject", StringComparison.Ordinal)).SelectMany(Resources).ToHashSet();

        var catalog = StackContents.ForStack("course3").Silver;
        Assert.Equal(catalog.Select(d => $"{bronze}/{d.BronzePrefix}/*").ToHashSet(), gets);
        Assert.Contains($"{bronze}/db/orders/*", gets);
        var datasets = catalog.Select(d => $"{silver}/{d.Name}/*");
        Assert.Equal(datasets.Append($"{bronze}/{SilverTransformContract.DefaultQuarantinePrefix}/*").ToHashSet(), puts);
        Assert.DoesNotContain(statements, s => s.GetProperty("Action").ToString().Contains("s3:DeleteObject", StringComparison.Ordinal));
    }

    [Fact]
    public void Has_room_for_duckdb_runs_outside_the_vpc_and_sends_failed_async_invocations_to_its_queue()
    {
        var function = Course3.Resource("silver-transform");

        Assert.Equal(2048L, function.Input("memorySize"));
        Assert.Equal(2048L, function.Input("ephemeralStorage.size"));
        Assert.False(function.Inputs.ContainsKey("vpcConfig"));
        Assert.Equal(Course3.Resource("silver-transform-failures").Outputs["arn"], function.Input("deadLetterConfig.targetArn"));
        Assert.Equal(Course3.Resource("silver-bucket").Id, function.Input($"environment.variables.{SilverTransformContract.SilverBucketVariable}"));
    }
}
