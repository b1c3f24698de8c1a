using System.Text.Json;
using Infra.Model;
using Infra.Model.Values;
using Infra.Model.Yaml;
using Infra.Platform;
using Infra.Platform.Aws;
using Infra.Platform.Components.Encryption;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Infra.Tests.Mocking;
using Pipelines.Declarations.Functions;

namespace Infra.Tests.Functions;

/// <summary>The function block on its own: two instances side by side, network, dead letters, concurrency.</summary>
public class NativeFunctionTests
{
    private static PlatformContext Context(PulumiProgram program, AwsPartition? partition = null) => new()
    {
        Program = program,
        Provider = new Reference("aws-provider"),
        NativeProvider = new Reference("aws-native-provider"),
        AccountId = new Reference("accountId"),
        Region = partition == AwsPartition.GovCloud ? "us-gov-west-1" : "eu-west-1",
        Partition = partition ?? AwsPartition.Commercial,
        NamePrefix = "dataplatform-test",
        RetainData = false,
        Key = new EncryptionKeyResult(new Reference("key", "arn"), new Reference("key", "keyId"), "alias/k", partition ?? AwsPartition.Commercial, "eu-west-1"),
    };

    private static NativeFunctionOptions Options(string name) => new()
    {
        Name = name,
        Contract = StreamConsumerContract.Function,
        Description = "test",
        Permissions = [],
        LogRetentionDays = 7,
    };

    private static DeploymentResult Deploy(PulumiProgram program)
    {
        program.Add(new Infra.Model.Resources.Resource("aws-provider", "pulumi:providers:aws"));
        program.Add(new Infra.Model.Resources.Resource("key", "aws:kms:Key"));
        program.AddVariable("accountId", "123456789012");
        LambdaPackage.EnsureBuilt();
        return MockDeployment.Run(ProgramWriter.Write(program), new EchoMocks(),
            new MockDeploymentSettings { Stack = "test", ProjectDirectory = Repository.Root });
    }

    private static JsonElement Policy(DeploymentResult deployment, string resource, string input = "policy") =>
        JsonDocument.Parse((string)deployment.Resource(resource).Input(input)!).RootElement;

    [Fact]
    public void TwoInstances_InOneStack_GetTheirOwnNames()
    {
        var program = new PulumiProgram("p");
        var context = Context(program);
        NativeFunction.Create(context, "A", Options("orders-consumer"));
        NativeFunction.Create(context, "B", Options("sessions-consumer"));

        var deployment = Deploy(program);

        Assert.Equal("dataplatform-test-orders-consumer", deployment.Resource("orders-consumer").Input("name"));
        Assert.Equal("dataplatform-test-sessions-consumer", deployment.Resource("sessions-consumer").Input("name"));
        Assert.Equal("/aws/lambda/dataplatform-test-orders-consumer", deployment.Resource("orders-consumer-logs").Input("name"));
        Assert.Equal("dataplatform-test-eu-west-1-orders-consumer", deployment.Resource("orders-consumer-role").Input("name"));
    }

    [Fact]
    public void Network_AttachesSubnets_AndGrantsInterfacesOnlyInTheAccountAndRegion()
    {
        var program = new PulumiProgram("p");
        NativeFunction.Create(Context(program), "A", Options("extract") with
        {
            Network = new FunctionNetwork(new ListValue { "subnet-1", "subnet-2" }, new ListValue { "sg-1" }),
        });

        var deployment = Deploy(program);
        var statements = Policy(deployment, "extract-permissions").GetProperty("Statement").EnumerateArray().ToList();
        var manage = statements.Single(s => s.GetProperty("Sid").GetString() == "ManageItsNetworkInterfaces");

        Assert.Equal(new List<object?> { "subnet-1", "subnet-2" }, deployment.Resource("extract").Input("vpcConfig.subnetIds"));
        Assert.Equal(new List<object?> { "sg-1" }, deployment.Resource("extract").Input("vpcConfig.securityGroupIds"));
        Assert.All(manage.GetProperty("Resource").EnumerateArray(), arn => Assert.StartsWith("arn:aws:ec2:eu-west-1:123456789012:", arn.GetString()));
    }

    [Fact]
    public void DeadLetterQueue_IsConfigured_AndTheRoleMaySendToIt()
    {
        var program = new PulumiProgram("p");
        var queue = new QueueResult("extract-dead-letters", "p-extract-dead-letters", new Reference("dlq", "url"), new Reference("dlq", "arn"));
        NativeFunction.Create(Context(program), "A", Options("extract") with { DeadLetterQueue = queue, ReservedConcurrency = 2 });
        program.Add(new Infra.Model.Resources.Resource("dlq", "aws:sqs:Queue"));

        var deployment = Deploy(program);
        var send = Policy(deployment, "extract-permissions").GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Sid").GetString() == "SendToExtractDeadLetters");

        Assert.Equal(deployment.Resource("dlq").Outputs["arn"], deployment.Resource("extract").Input("deadLetterConfig.targetArn"));
        Assert.Equal(deployment.Resource("dlq").Outputs["arn"] as string, send.GetProperty("Resource")[0].GetString());
        Assert.Equal(2L, deployment.Resource("extract").Input("reservedConcurrentExecutions"));
    }

    [Fact]
    public void GovCloud_ArnsAndPrincipalsUseThePartition()
    {
        var program = new PulumiProgram("p");
        NativeFunction.Create(Context(program, AwsPartition.GovCloud), "A", Options("extract") with
        {
            Network = new FunctionNetwork(new ListValue { "subnet-1" }, new ListValue { "sg-1" }),
        });

        var deployment = Deploy(program);
        var manage = Policy(deployment, "extract-permissions").GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Sid").GetString() == "ManageItsNetworkInterfaces");

        Assert.All(manage.GetProperty("Resource").EnumerateArray(), arn => Assert.StartsWith("arn:aws-us-gov:ec2:us-gov-west-1:", arn.GetString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void ReservedConcurrency_OutOfRange_IsASynthesisError(int reserved)
    {
        var error = Assert.Throws<SynthesisException>(() =>
            NativeFunction.Create(Context(new PulumiProgram("p")), "A", Options("extract") with { ReservedConcurrency = reserved }));

        Assert.Contains("function extract: reserved concurrency must be 1-1000", error.Message);
    }
}
