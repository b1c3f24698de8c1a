using System.Text.Json;
using Infra.Platform;
using Infra.Platform.Components.Encryption;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Components;

/// <summary>The provider and KMS key every stack starts from.</summary>
public class PlatformFoundationTests
{
    private static readonly DeploymentResult Course2 = Stacks.Deploy("course2");

    [Fact]
    public void Provider_IsPinned_AndTagsEveryResourceWithTheStack()
    {
        var provider = Course2.Resource("aws-provider");

        Assert.True(provider.HasOption("version", ProviderVersions.Aws));
        Assert.Equal("eu-west-1", provider.Input("region"));
        Assert.Equal("dataplatform", provider.Input("defaultTags.tags.project"));
        Assert.Equal("course2", provider.Input("defaultTags.tags.stack"));
        Assert.Equal("course", provider.Input("defaultTags.tags.environment"));
        Assert.Equal("course2", provider.Input("defaultTags.tags.course"));
        Assert.Equal("data-platform-team", provider.Input("defaultTags.tags.owner"));
    }

    [Fact]
    public void EveryAwsResource_UsesTheExplicitProvider()
    {
        var aws = Course2.Resources.Where(r => r.Type.StartsWith("aws:", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(aws);
        Assert.All(aws, resource => Assert.Equal("aws-provider", resource.Provider));
    }

    [Fact]
    public void Key_RotatesAndHasAnAlias()
    {
        var key = Course2.Resource("data-key");
        var alias = Course2.Resource("data-key-alias");

        Assert.Equal(true, key.Input("enableKeyRotation"));
        Assert.Equal(key.Outputs["keyId"], alias.Input("targetKeyId"));
        Assert.Equal("alias/dataplatform-course2-data", alias.Input("name"));
    }

    [Fact]
    public void KeyPolicy_LeavesTheKeyToTheAccountsIam()
    {
        var statement = KeyPolicyStatement(EncryptionKey.AccountAdministersKeySid);

        Assert.Equal($"arn:aws:iam::{EchoMocks.AccountId}:root", statement.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("kms:*", statement.GetProperty("Action")[0].GetString());
    }

    [Fact]
    public void KeyPolicy_LetsCloudWatchLogsUseTheKeyForTheStacksLogGroupsOnly()
    {
        var statement = KeyPolicyStatement("CloudWatchLogsEncryptsTheStacksLogGroups");

        Assert.Equal("logs.eu-west-1.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.DoesNotContain(statement.GetProperty("Action").EnumerateArray(), action => action.GetString()!.Contains('*', StringComparison.Ordinal));
        Assert.Equal([$"arn:aws:logs:eu-west-1:{EchoMocks.AccountId}:log-group:/aws/lambda/dataplatform-course2-*",
                $"arn:aws:logs:eu-west-1:{EchoMocks.AccountId}:log-group:/aws/vendedlogs/states/dataplatform-course2-*",
                $"arn:aws:logs:eu-west-1:{EchoMocks.AccountId}:log-group:/aws-glue/crawlers-role/dataplatform-course2-*",
                $"arn:aws:logs:eu-west-1:{EchoMocks.AccountId}:log-group:/aws/kinesisfirehose/dataplatform-course2-*"],
            statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("kms:EncryptionContext:aws:logs:arn").EnumerateArray().Select(e => e.GetString()));
    }

    private static JsonElement KeyPolicyStatement(string sid) =>
        JsonDocument.Parse((string)Course2.Resource("data-key").Input("policy")!).RootElement
            .GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == sid);

    [Fact]
    public void Outputs_NameEveryBucketAndTheKey()
    {
        Assert.Equal(Course2.Resource("data-key").Outputs["arn"], Course2.Outputs["kmsKeyArn"]);
        Assert.Equal(Course2.Resource("gold-bucket").Id, Course2.Outputs["goldBucketName"]);
        Assert.Equal(Course2.Resource("bronze-bucket").Outputs["arn"], Course2.Outputs["bronzeBucketArn"]);
        Assert.Equal(Course2.Resource("sessions-consumer").Inputs["name"], Course2.Outputs["sessionsConsumerFunctionName"]);
        Assert.Equal(Course2.Resource("database").Outputs["address"], Course2.Outputs["databaseAddress"]);
        Assert.Equal(Course2.Resource("db-extract").Inputs["name"], Course2.Outputs["dbExtractFunctionName"]);
        Assert.Equal(Course2.Resource("rest-ingestion").Inputs["name"], Course2.Outputs["restIngestionFunctionName"]);
        Assert.Equal(Course2.Resource("silver-transform").Inputs["name"], Course2.Outputs["silverTransformFunctionName"]);
        Assert.Equal(Course2.Resource("silver-database").Inputs["name"], Course2.Outputs["silverDatabaseName"]);
        Assert.Equal(Course2.Resource("workgroup").Inputs["name"], Course2.Outputs["athenaWorkgroup"]);
        Assert.Equal(Course2.Resource("notifications-topic").Outputs["arn"], Course2.Outputs["notificationTopicArn"]);
        Assert.Equal(Course2.Resource("course2-pipeline-state-machine").Outputs["arn"], Course2.Outputs["course2StateMachineArn"]);
        Assert.Equal(Course2.Resource("orders-stream").Inputs["name"], Course2.Outputs["ordersStreamName"]);
        Assert.Equal(28, Course2.Outputs.Count);
    }
}
