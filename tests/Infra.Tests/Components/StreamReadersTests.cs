using System.Text.Json;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using static Infra.Tests.Support.PolicyJson;
using Pipelines.Declarations.Functions;

namespace Infra.Tests.Components;

/// <summary>Firehose deliveries and the tumbling-window function, as deployed (mocked).</summary>
public class StreamReadersTests
{
    private static readonly DeploymentResult Course1 = Stacks.Deploy("course1");
    private static readonly DeploymentResult Course3 = Stacks.Deploy("course3");



    [Fact]
    public void Course1_delivers_sessions_through_the_transformation_to_hourly_prefixes_encrypted_with_the_stack_key()
    {
        var delivery = Course1.Resource("sessions-recommendations-delivery");
        var s3 = "extendedS3Configuration";

        Assert.Equal(Course1.Resource("sessions-stream").Outputs["arn"], delivery.Input("kinesisSourceConfiguration.kinesisStreamArn"));
        Assert.Equal(Course1.Resource("bronze-bucket").Outputs["arn"], delivery.Input($"{s3}.bucketArn"));
        Assert.Equal("recommendations/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/", delivery.Input($"{s3}.prefix"));
        Assert.StartsWith("quarantine/recommendations/!{firehose:error-output-type}/year=", (string)delivery.Input($"{s3}.errorOutputPrefix")!);
        Assert.Equal(Course1.Outputs["kmsKeyArn"], delivery.Input($"{s3}.kmsKeyArn"));
        Assert.Equal("GZIP", delivery.Input($"{s3}.compressionFormat"));
        var processor = (Dictionary<string, object?>)((List<object?>)delivery.Input($"{s3}.processingConfiguration.processors")!)[0]!;
        var parameter = (Dictionary<string, object?>)((List<object?>)processor["parameters"]!)[0]!;
        Assert.Equal(Course1.Resource("recommendations-transform").Outputs["arn"], parameter["parameterValue"]);
        Assert.DoesNotContain(Course1.Resources, r => r.Type == "aws:lambda:EventSourceMapping");
    }

    [Fact]
    public void The_delivery_role_reads_only_its_stream_writes_only_its_prefixes_and_invokes_only_its_transformation()
    {
        var statements = Statements(Course1, "sessions-recommendations-delivery-permissions");
        var bronze = (string)Course1.Resource("bronze-bucket").Outputs["arn"]!;

        var writes = statements.Where(s => Strings(s, "Action").Contains("s3:PutObject")).SelectMany(s => Strings(s, "Resource"));
        Assert.Equal([$"{bronze}/recommendations/*", $"{bronze}/quarantine/recommendations/*"], writes);
        var invoke = statements.Single(s => Strings(s, "Action").Contains("lambda:InvokeFunction"));
        Assert.Equal([(string)Course1.Resource("recommendations-transform").Outputs["arn"]!], Strings(invoke, "Resource"));
        var trust = JsonDocument.Parse((string)Course1.Resource("sessions-recommendations-delivery-role").Input("assumeRolePolicy")!).RootElement.GetProperty("Statement")[0];
        Assert.Equal("firehose.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(Course1.Outputs["kmsKeyArn"], Course1.Resource("sessions-recommendations-delivery-logs").Input("kmsKeyId"));
    }

    [Fact]
    public void Course3_aggregates_orders_in_tumbling_windows_with_partial_failures_and_an_encrypted_failure_queue()
    {
        var trigger = Course3.Resource("orders-windows-trigger");

        Assert.Equal((double)WindowedAggregatesContract.DefaultWindowSeconds, Convert.ToDouble(trigger.Input("tumblingWindowInSeconds"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new List<object?> { "ReportBatchItemFailures" }, trigger.Input("functionResponseTypes"));
        Assert.Equal(true, trigger.Input("bisectBatchOnFunctionError"));
        Assert.Equal(Course3.Resource("orders-windows-failures").Outputs["arn"], trigger.Input("destinationConfig.onFailure.destinationArn"));
        Assert.Equal(Course3.Outputs["kmsKeyArn"], Course3.Resource("orders-windows-failures").Input("kmsMasterKeyId"));

        var gold = (string)Course3.Resource("gold-bucket").Outputs["arn"]!;
        var bronze = (string)Course3.Resource("bronze-bucket").Outputs["arn"]!;
        var writes = Statements(Course3, "orders-windows-permissions").Where(s => Strings(s, "Action").Contains("s3:PutObject")).SelectMany(s => Strings(s, "Resource"));
        Assert.Equal([$"{gold}/{WindowedAggregatesContract.DefaultOutputPrefix}/*", $"{bronze}/{WindowedAggregatesContract.DefaultQuarantinePrefix}/*"], writes);
        Assert.Equal(Course3.Resource("orders-windows").Input("name"), Course3.Resource("orders-windows-iterator-age-alarm").Input("dimensions.FunctionName"));
    }
}
