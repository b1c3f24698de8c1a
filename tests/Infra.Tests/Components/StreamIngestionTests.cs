using System.Text.Json;
using Infra.Platform.Components.Streaming;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Components;

public class StreamIngestionTests
{
    private static readonly DeploymentResult Course1 = Stacks.Deploy("course1");

    private static JsonElement Statement(string sid) =>
        JsonDocument.Parse((string)Course1.Resource("stream-consumer-permissions").Input("policy")!).RootElement
            .GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == sid);

    private static IEnumerable<string?> Resources(string sid) => Statement(sid).GetProperty("Resource").EnumerateArray().Select(r => r.GetString());

    [Fact]
    public void Stream_IsEncryptedWithTheStackKey()
    {
        var stream = Course1.Resource("sessions-stream");

        Assert.Equal("KMS", stream.Input("encryptionType"));
        Assert.Equal(Course1.Outputs["kmsKeyArn"], stream.Input("kmsKeyId"));
        Assert.Equal("ON_DEMAND", stream.Input("streamModeDetails.streamMode"));
    }

    [Fact]
    public void Prod_Stream_HasProvisionedCapacity()
    {
        var stream = Stacks.Deploy("prod").Resource("sessions-stream");

        Assert.Equal("PROVISIONED", stream.Input("streamModeDetails.streamMode"));
        Assert.Equal(2L, stream.Input("shardCount"));
    }

    [Fact]
    public void Function_RunsTheAotBootstrapOnProvidedAl2023()
    {
        var function = Course1.Resource("stream-consumer");

        Assert.Equal("provided.al2023", function.Input("runtime"));
        Assert.Equal("bootstrap", function.Input("handler"));
        Assert.Equal(new List<object?> { "x86_64" }, function.Input("architectures"));
        var code = Assert.IsType<AssetValue>(function.Input("code"));
        Assert.Equal("fileArchive", code.Kind);
        Assert.EndsWith(LambdaArtifacts.Path(LambdaArtifacts.StreamConsumer), code.Content);
        Assert.Equal(Course1.Resource("bronze-bucket").Id, function.Input("environment.variables.BRONZE_BUCKET"));
        Assert.False(function.Inputs.ContainsKey("reservedConcurrentExecutions"));
    }

    [Fact]
    public void Trigger_ReportsPartialFailures_BisectsAndSendsFailuresToTheEncryptedQueue()
    {
        var trigger = Course1.Resource("stream-consumer-trigger");
        var queue = Course1.Resource("stream-consumer-failures");

        Assert.Equal(new List<object?> { "ReportBatchItemFailures" }, trigger.Input("functionResponseTypes"));
        Assert.Equal(true, trigger.Input("bisectBatchOnFunctionError"));
        Assert.Equal((long)StreamIngestion.DefaultMaximumRetryAttempts, trigger.Input("maximumRetryAttempts"));
        Assert.Equal(queue.Outputs["arn"], trigger.Input("destinationConfig.onFailure.destinationArn"));
        Assert.Equal(Course1.Resource("sessions-stream").Outputs["arn"], trigger.Input("eventSourceArn"));
        Assert.Equal(Course1.Outputs["kmsKeyArn"], queue.Input("kmsMasterKeyId"));
    }

    [Fact]
    public void Role_ReadsOnlyThatStream_WritesOnlyThosePrefixes_UsesOnlyThatKey()
    {
        var bronze = (string)Course1.Resource("bronze-bucket").Outputs["arn"]!;

        Assert.Equal([Course1.Resource("sessions-stream").Outputs["arn"] as string], Resources("ReadTheStream"));
        Assert.Equal([$"{bronze}/sessions/*", $"{bronze}/quarantine/sessions/*"], Resources("WriteBronzeSessions"));
        Assert.Equal(["s3:PutObject"], Statement("WriteBronzeSessions").GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal([Course1.Outputs["kmsKeyArn"] as string], Resources("UseTheDataKey"));
        Assert.Equal([Course1.Resource("stream-consumer-failures").Outputs["arn"] as string], Resources("SendFailedBatches"));
    }

    [Fact]
    public void FailureQueue_DeniesRequestsWithoutTls()
    {
        var queue = Course1.Resource("stream-consumer-failures");
        var policy = Course1.Resource("stream-consumer-failures-policy");
        var statement = JsonDocument.Parse((string)policy.Input("policy")!).RootElement.GetProperty("Statement")[0];

        Assert.Equal(queue.Outputs["url"], policy.Input("queueUrl"));
        Assert.Equal("Deny", statement.GetProperty("Effect").GetString());
        Assert.Equal("sqs:*", statement.GetProperty("Action")[0].GetString());
        Assert.Equal(queue.Outputs["arn"] as string, statement.GetProperty("Resource")[0].GetString());
        Assert.Equal("false", statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
    }

    [Fact]
    public void LogGroup_IsEncryptedWithTheStacksKey_AndNamedAsLambdaWritesIt()
    {
        var logs = Course1.Resource("stream-consumer-logs");

        Assert.Equal(Course1.Resource("data-key").Outputs["arn"], logs.Input("kmsKeyId"));
        Assert.Equal("/aws/lambda/" + Course1.Resource("stream-consumer").Inputs["name"], logs.Input("name"));
    }

    [Fact]
    public void Function_WaitsForItsPermissionsAndLogGroup()
    {
        Assert.Equal(["stream-consumer-permissions", "stream-consumer-logs"], Course1.Resource("stream-consumer").DependsOn);
    }

    [Theory]
    [InlineData("course3")]
    [InlineData("course4")]
    public void CoursesWithoutStreaming_HaveNoStream(string stack)
    {
        Assert.DoesNotContain(Stacks.Deploy(stack).Resources, r => r.Type == "aws:kinesis:Stream");
    }
}
