using System.Text.Json;
using Infra.Platform.Components.Streaming;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Declarations.Functions;

namespace Infra.Tests.Components;

public class StreamIngestionTests
{
    private static readonly DeploymentResult Course2 = Stacks.Deploy("course2");
    private const string Consumer = "sessions-consumer";

    private static JsonElement[] Statements(string resource, string input) =>
        JsonDocument.Parse((string)Course2.Resource(resource).Input(input)!).RootElement.GetProperty("Statement").EnumerateArray().ToArray();

    private static JsonElement Statement(string sid) =>
        Statements($"{Consumer}-permissions", "policy").Single(s => s.GetProperty("Sid").GetString() == sid);

    private static IEnumerable<string?> Strings(JsonElement statement, string name) =>
        statement.GetProperty(name).EnumerateArray().Select(r => r.GetString());

    [Fact]
    public void Stream_IsEncryptedWithTheStackKey()
    {
        var stream = Course2.Resource("sessions-stream");

        Assert.Equal("KMS", stream.Input("encryptionType"));
        Assert.Equal(Course2.Outputs["kmsKeyArn"], stream.Input("kmsKeyId"));
        Assert.Equal("ON_DEMAND", stream.Input("streamModeDetails.streamMode"));
        Assert.Equal("dataplatform-course2-sessions", stream.Input("name"));
    }

    [Fact]
    public void Prod_Stream_HasProvisionedCapacity()
    {
        var stream = Stacks.Deploy("prod").Resource("sessions-stream");

        Assert.Equal("PROVISIONED", stream.Input("streamModeDetails.streamMode"));
        Assert.Equal(2L, stream.Input("shardCount"));
    }

    [Fact]
    public void Function_RunsTheAotBootstrapOnProvidedAl2023_WithTracing()
    {
        var function = Course2.Resource(Consumer);

        Assert.Equal("provided.al2023", function.Input("runtime"));
        Assert.Equal(FunctionContract.Handler, function.Input("handler"));
        Assert.Equal(new List<object?> { "x86_64" }, function.Input("architectures"));
        Assert.Equal("Active", function.Input("tracingConfig.mode"));
        var code = Assert.IsType<AssetValue>(function.Input("code"));
        Assert.Equal("fileArchive", code.Kind);
        Assert.EndsWith(StreamConsumerContract.Function.ArtifactPath, code.Content);
        Assert.Equal(Course2.Resource("bronze-bucket").Id, function.Input($"environment.variables.{StreamConsumerContract.BucketVariable}"));
        Assert.Equal(StreamConsumerContract.DefaultOutputPrefix, function.Input($"environment.variables.{StreamConsumerContract.OutputPrefixVariable}"));
        Assert.Equal(StreamConsumerContract.DefaultQuarantinePrefix, function.Input($"environment.variables.{StreamConsumerContract.QuarantinePrefixVariable}"));
        Assert.Equal(Course2.Outputs["kmsKeyArn"], function.Input("kmsKeyArn"));
        Assert.False(function.Inputs.ContainsKey("reservedConcurrentExecutions"));
    }

    [Fact]
    public void Trigger_ReportsPartialFailures_BisectsAndSendsFailuresToTheEncryptedQueue()
    {
        var trigger = Course2.Resource($"{Consumer}-trigger");
        var queue = Course2.Resource($"{Consumer}-failures");

        Assert.Equal(new List<object?> { "ReportBatchItemFailures" }, trigger.Input("functionResponseTypes"));
        Assert.Equal(true, trigger.Input("bisectBatchOnFunctionError"));
        Assert.Equal((long)StreamIngestion.DefaultMaximumRetryAttempts, trigger.Input("maximumRetryAttempts"));
        Assert.Equal(queue.Outputs["arn"], trigger.Input("destinationConfig.onFailure.destinationArn"));
        Assert.Equal(Course2.Resource("sessions-stream").Outputs["arn"], trigger.Input("eventSourceArn"));
        Assert.Equal(Course2.Outputs["kmsKeyArn"], queue.Input("kmsMasterKeyId"));
        Assert.Equal([$"{Consumer}-permissions"], trigger.DependsOn);
    }

    [Fact]
    public void Role_ReadsOnlyThatStream_WritesOnlyThosePrefixes_UsesTheKeyOnlyThroughItsServices()
    {
        var bronze = (string)Course2.Resource("bronze-bucket").Outputs["arn"]!;
        var statements = Statements($"{Consumer}-permissions", "policy");

        Assert.Equal(
            ["ReadSessionsStream", "WriteBronzeBucketSessionsQuarantineSessions", "SendToSessionsConsumerFailures", "UseTheDataKeyThroughS3KinesisSqs", "WriteItsLogs", "SendTraces"],
            statements.Select(s => s.GetProperty("Sid").GetString()));
        Assert.Equal([Course2.Resource("sessions-stream").Outputs["arn"] as string], Strings(Statement("ReadSessionsStream"), "Resource"));
        Assert.DoesNotContain("kinesis:SubscribeToShard", Strings(Statement("ReadSessionsStream"), "Action"));
        Assert.Equal([$"{bronze}/sessions/*", $"{bronze}/quarantine/sessions/*"], Strings(Statement("WriteBronzeBucketSessionsQuarantineSessions"), "Resource"));
        Assert.Equal(["s3:PutObject"], Strings(Statement("WriteBronzeBucketSessionsQuarantineSessions"), "Action"));
        var key = Statement("UseTheDataKeyThroughS3KinesisSqs");
        Assert.Equal([Course2.Outputs["kmsKeyArn"] as string], Strings(key, "Resource"));
        Assert.Equal(["s3.eu-west-1.amazonaws.com", "kinesis.eu-west-1.amazonaws.com", "sqs.eu-west-1.amazonaws.com"],
            key.GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal([Course2.Resource($"{Consumer}-failures").Outputs["arn"] as string], Strings(Statement("SendToSessionsConsumerFailures"), "Resource"));
        Assert.Equal(["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Strings(Statement("SendTraces"), "Action"));
    }

    [Fact]
    public void Role_OnlyLambdaActingForThisAccountMayAssumeIt()
    {
        var trust = Assert.Single(Statements($"{Consumer}-role", "assumeRolePolicy"));

        Assert.Equal("lambda.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(EchoMocks.AccountId, trust.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        Assert.Equal("dataplatform-course2-eu-west-1-sessions-consumer", Course2.Resource($"{Consumer}-role").Input("name"));
    }

    [Fact]
    public void FailureQueue_DeniesRequestsWithoutTls()
    {
        var queue = Course2.Resource($"{Consumer}-failures");
        var policy = Course2.Resource($"{Consumer}-failures-policy");
        var statement = Statements($"{Consumer}-failures-policy", "policy")[0];

        Assert.Equal(queue.Outputs["url"], policy.Input("queueUrl"));
        Assert.Equal("Deny", statement.GetProperty("Effect").GetString());
        Assert.Equal("sqs:*", statement.GetProperty("Action")[0].GetString());
        Assert.Equal(queue.Outputs["arn"] as string, statement.GetProperty("Resource")[0].GetString());
        Assert.Equal("false", statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
    }

    [Fact]
    public void LogGroup_IsEncryptedWithTheStacksKey_AndNamedAsLambdaWritesIt()
    {
        var logs = Course2.Resource($"{Consumer}-logs");

        Assert.Equal(Course2.Resource("data-key").Outputs["arn"], logs.Input("kmsKeyId"));
        Assert.Equal("/aws/lambda/" + Course2.Resource(Consumer).Inputs["name"], logs.Input("name"));
        Assert.Equal(14L, logs.Input("retentionInDays"));
    }

    [Fact]
    public void Function_WaitsForItsPermissionsAndLogGroup()
    {
        Assert.Equal([$"{Consumer}-permissions", $"{Consumer}-logs"], Course2.Resource(Consumer).DependsOn);
    }

    [Fact]
    public void Course4_HasNoStream_AndEachCourseOnlyTheStreamsItsLabsRead()
    {
        Assert.DoesNotContain(Stacks.Deploy("course4").Resources, r => r.Type == "aws:kinesis:Stream");
        Assert.Equal(["sessions-stream"], Stacks.Deploy("course1").OfType("aws:kinesis:Stream").Select(r => r.Name));
        Assert.Equal(["orders-stream"], Stacks.Deploy("course3").OfType("aws:kinesis:Stream").Select(r => r.Name));
        Assert.Equal(["sessions-stream", "orders-stream"], Course2.OfType("aws:kinesis:Stream").Select(r => r.Name));
    }

    [Fact]
    public void Prod_ProvisionsShardsAndKeepsAWeek_DevIsOnDemand()
    {
        var prod = Stacks.Deploy("prod").Resource("orders-stream");
        Assert.Equal("PROVISIONED", prod.Input("streamModeDetails.streamMode"));
        Assert.Equal(2.0, Convert.ToDouble(prod.Input("shardCount"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(168.0, Convert.ToDouble(prod.Input("retentionPeriod"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("ON_DEMAND", Stacks.Deploy("dev").Resource("orders-stream").Input("streamModeDetails.streamMode"));
    }
}
