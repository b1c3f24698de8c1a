using System.Text.Json;
using Infra.Model;
using Infra.Model.Values;
using Infra.Platform;
using Infra.Platform.Aws;
using Infra.Platform.Components.Encryption;
using Infra.Platform.Configuration;
using Infra.Platform.Profiles;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Profiles;

/// <summary>One test per defect found in review of the foundation.</summary>
public class ReviewFindingsTests
{
    private static readonly DeploymentResult Prod = Stacks.Deploy("prod");
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");

    /// <summary>Every type that holds data or guards it (encryption, access, policy, logging, lifecycle).</summary>
    private static readonly HashSet<string> DataTypes =
    [
        "aws:kms:Key", "aws:kms:Alias", "aws:kinesis:Stream", "aws:sqs:Queue", "aws:sqs:QueuePolicy", "aws:cloudwatch:LogGroup",
        "aws:s3:Bucket", "aws:s3:BucketVersioning", "aws:s3:BucketServerSideEncryptionConfiguration", "aws:s3:BucketPublicAccessBlock",
        "aws:s3:BucketOwnershipControls", "aws:s3:BucketPolicy", "aws:s3:BucketLogging", "aws:s3:BucketLifecycleConfiguration",
        "aws:rds:Instance", "random:index:RandomPassword",
    ];

    private static Dictionary<string, string?> Config(string stack, string region)
    {
        var config = Stacks.Config(stack);
        return new(config.Keys.ToDictionary(key => key, config.Get)) { [ConfigKeys.Region] = region };
    }

    private static DeploymentResult DeployWith(string stack, Dictionary<string, string?> values)
    {
        LambdaPackage.EnsureBuilt();
        var config = new StackConfig(values);
        var settings = StackSettings.Resolve(stack, ConfigKeys.Project, "o", config);
        return MockDeployment.Run(Infra.Model.Yaml.ProgramWriter.Write(PlatformProgram.Build(settings)), new EchoMocks(), Stacks.MockSettings(stack, config));
    }

    [Fact]
    public void Prod_ProtectsAndRetainsEverythingThatHoldsOrGuardsData()
    {
        var guarded = Prod.Resources.Where(r => DataTypes.Contains(r.Type)).ToList();

        Assert.Contains(guarded, r => r.Type == "aws:kinesis:Stream");
        Assert.Contains(guarded, r => r.Type == "aws:cloudwatch:LogGroup");
        Assert.Contains(guarded, r => r.Type == "aws:rds:Instance");
        Assert.All(guarded, r => Assert.True(r.HasOption("protect", true) && r.HasOption("retainOnDelete", true), $"{r.Name} ({r.Type}) is not protected and retained"));
        Assert.DoesNotContain(Dev.Resources, r => r.HasOption("protect", true));
    }

    [Fact]
    public void Provider_PinsTheAccount_InProd()
    {
        Assert.Equal(new List<object?> { "111111111111" }, Prod.Resource("aws-provider").Input("allowedAccountIds"));
        var values = Config("prod", "eu-west-1");
        values.Remove(ConfigKeys.AllowedAccountIds);

        var error = Assert.Throws<ConfigError>(() => StackSettings.Resolve("prod", ConfigKeys.Project, "o", new StackConfig(values)));

        Assert.Contains($"missing config value {ConfigKeys.AllowedAccountIds}", error.Message);
    }

    [Fact]
    public void Provider_TakesTheProfileAndRoleUsersSet_BecauseExplicitProvidersDoNotReadAwsConfig()
    {
        var values = Config("dev", "eu-west-1");
        values[ConfigKeys.AwsProfile] = "learner";
        values[ConfigKeys.AssumeRoleArn] = "arn:aws:iam::123456789012:role/deployer";
        values[ConfigKeys.AllowedAccountIds] = "123456789012, 210987654321";

        var provider = DeployWith("dev", values).Resource("aws-provider");

        Assert.Equal("learner", provider.Input("profile"));
        Assert.Equal("arn:aws:iam::123456789012:role/deployer", provider.Input("assumeRoles[0].roleArn"));
        Assert.Equal(new List<object?> { "123456789012", "210987654321" }, provider.Input("allowedAccountIds"));
        Assert.False(Dev.Resource("aws-provider").Inputs.ContainsKey("profile"));
    }

    [Theory]
    [InlineData("eu-wst-1", "is not a region the pinned aws provider knows")]
    [InlineData("cn-north-1", "in a partition this platform does not support")]
    [InlineData("us-iso-east-1", "in a partition this platform does not support")]
    public void Region_IsValidated_AndUnsupportedPartitionsAreRefused(string region, string message)
    {
        var error = Assert.Throws<ConfigError>(() => StackSettings.Resolve("dev", ConfigKeys.Project, "o", new StackConfig(Config("dev", region))));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void GovCloud_ArnsAndServiceEndpointsUseItsPartition()
    {
        var gov = DeployWith("course1", Config("course1", "us-gov-west-1"));
        var root = JsonDocument.Parse((string)gov.Resource("data-key").Input("policy")!).RootElement.GetProperty("Statement")[0];

        Assert.Equal($"arn:aws-us-gov:iam::{EchoMocks.AccountId}:root", root.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal(AwsPartition.GovCloud, AwsPartition.Of("us-gov-west-1"));
    }

    [Fact]
    public void OneAccount_TwoRegions_NoGloballyOrAccountUniqueNameCollides()
    {
        static HashSet<string> Names(DeploymentResult deployment) => deployment.Resources
            .Where(r => r.Type is "aws:iam:Role" or "aws:s3:Bucket")
            .Select(r => (string)r.Inputs[r.Type == "aws:iam:Role" ? "name" : "bucket"]!)
            .ToHashSet();

        var ireland = Names(DeployWith("dev", Config("dev", "eu-west-1")));
        var virginia = Names(DeployWith("dev", Config("dev", "us-east-1")));

        Assert.NotEmpty(ireland);
        Assert.Empty(ireland.Intersect(virginia));
    }

    [Fact]
    public void BucketLogging_WaitsForTheLogBucketsPolicy_AndLifecycleWaitsForVersioning()
    {
        Assert.Contains("access-logs-bucket-policy", Dev.Resource("bronze-bucket-logging").DependsOn);
        Assert.Contains("bronze-bucket-versioning", Dev.Resource("bronze-bucket-lifecycle").DependsOn);
        Assert.Contains("access-logs-bucket-versioning", Dev.Resource("access-logs-bucket-lifecycle").DependsOn);
    }

    [Fact]
    public void NoRoleIsGranted_SubscribeToShard_WithoutAnEnhancedFanOutConsumer()
    {
        Assert.DoesNotContain(Dev.Resources, r => r.Inputs.GetValueOrDefault("policy") is string policy && policy.Contains("SubscribeToShard", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidComponentInput_IsASynthesisError_NotAnArgumentException()
    {
        var context = new PlatformContext
        {
            Program = new PulumiProgram("p"),
            Provider = new Reference("aws-provider"),
            NativeProvider = new Reference("aws-native-provider"),
            AccountId = new Reference("accountId"),
            Region = "eu-west-1",
            Partition = AwsPartition.Commercial,
            NamePrefix = "dataplatform-dev",
            RetainData = false,
        };

        var error = Assert.Throws<SynthesisException>(() => EncryptionKey.Create(context, new EncryptionKeySettings { DeletionWindowDays = 3 }));

        Assert.Contains("KMS deletion window must be 7-30 days, not 3", error.Message);
    }

    [Fact]
    public void CourseStack_WithoutItsCourse_SaysWhatToSet()
    {
        var values = Config("course2", "eu-west-1");
        values.Remove(ConfigKeys.Course);

        var error = Assert.Throws<ConfigError>(() => StackSettings.Resolve("course2", ConfigKeys.Project, "o", new StackConfig(values)));

        Assert.Equal($"missing config value {ConfigKeys.Course}: set it with `pulumi config set {ConfigKeys.Course} course2`", error.Message);
    }
}
