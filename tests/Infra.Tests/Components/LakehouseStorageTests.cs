using System.Text.Json;
using Infra.Platform.Components.Storage;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Components;

public class LakehouseStorageTests
{
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");
    private static readonly DeploymentResult Prod = Stacks.Deploy("prod");

    public static readonly TheoryData<string> DataBuckets = new(LakehouseStorage.DataZones.Select(LakehouseStorage.BucketLogicalName));

    public static readonly TheoryData<string> AllBuckets =
        new(LakehouseStorage.DataZones.Append(LakehouseStorage.LogZone).Select(LakehouseStorage.BucketLogicalName));

    private static JsonElement Policy(DeploymentResult result, string bucket) =>
        JsonDocument.Parse((string)result.Resource(bucket + "-policy").Input("policy")!).RootElement;

    [Theory]
    [MemberData(nameof(AllBuckets))]
    public void EveryBucket_DeniesRequestsWithoutTls_OnItsOwnArn(string bucket)
    {
        var arn = (string)Dev.Resource(bucket).Outputs["arn"]!;
        var statement = Policy(Dev, bucket).GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Sid").GetString() == "DenyInsecureTransport");

        Assert.Equal("Deny", statement.GetProperty("Effect").GetString());
        Assert.Equal([arn, arn + "/*"], statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("false", statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
    }

    [Theory]
    [MemberData(nameof(DataBuckets))]
    public void DataBucket_IsEncryptedWithTheStackKey_AndABucketKey(string bucket)
    {
        var keyArn = Dev.Outputs["kmsKeyArn"];
        var encryption = Dev.Resource(bucket + "-encryption");

        Assert.Equal("aws:kms", encryption.Input("rules[0].applyServerSideEncryptionByDefault.sseAlgorithm"));
        Assert.Equal(keyArn, encryption.Input("rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId"));
        Assert.Equal(true, encryption.Input("rules[0].bucketKeyEnabled"));
        Assert.Equal(Dev.Resource(bucket).Id, encryption.Input("bucket"));
    }

    [Fact]
    public void AccessLogBucket_UsesS3ManagedEncryption_BecauseLogDeliveryCannotUseKms()
    {
        var encryption = Dev.Resource("access-logs-bucket-encryption");

        Assert.Equal("AES256", encryption.Input("rules[0].applyServerSideEncryptionByDefault.sseAlgorithm"));
    }

    [Theory]
    [MemberData(nameof(AllBuckets))]
    public void EveryBucket_BlocksPublicAccess_AndEnforcesOwnership(string bucket)
    {
        var block = Dev.Resource(bucket + "-public-access");
        foreach (var setting in new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" })
        {
            Assert.Equal(true, block.Input(setting));
        }
        Assert.Equal("BucketOwnerEnforced", Dev.Resource(bucket + "-ownership").Input("rule.objectOwnership"));
        Assert.Equal("Enabled", Dev.Resource(bucket + "-versioning").Input("versioningConfiguration.status"));
    }

    [Theory]
    [MemberData(nameof(DataBuckets))]
    public void DataBucket_LogsToTheAccessLogBucket(string bucket)
    {
        var logging = Dev.Resource(bucket + "-logging");

        Assert.Equal(Dev.Resource("access-logs-bucket").Id, logging.Input("targetBucket"));
        Assert.Equal(Dev.Resource(bucket).Id + "/", logging.Input("targetPrefix"));
    }

    [Fact]
    public void AccessLogBucket_AllowsLogDeliveryOnlyFromTheDataBucketsOfTheAccount()
    {
        var statement = Policy(Dev, "access-logs-bucket").GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Sid").GetString() == "AllowServerAccessLogDelivery");
        var sources = statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("aws:SourceArn")
            .EnumerateArray().Select(s => s.GetString());

        Assert.Equal(LakehouseStorage.DataZones.Select(z => (string?)Dev.Resource(LakehouseStorage.BucketLogicalName(z)).Outputs["arn"]), sources);
        Assert.Equal(EchoMocks.AccountId, statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        Assert.Equal(["s3:PutObject"], statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Bronze_MovesToInfrequentAccessThenArchive()
    {
        var rule = Dev.Resource("bronze-bucket-lifecycle");

        Assert.Equal(30L, rule.Input("rules[0].transitions[0].days"));
        Assert.Equal("STANDARD_IA", rule.Input("rules[0].transitions[0].storageClass"));
        Assert.Equal(90L, rule.Input("rules[0].transitions[1].days"));
        Assert.Equal("GLACIER", rule.Input("rules[0].transitions[1].storageClass"));
    }

    [Theory]
    [MemberData(nameof(AllBuckets))]
    public void EveryBucket_ExpiresNoncurrentVersionsAndAbortsStaleUploads(string bucket)
    {
        var rule = Dev.Resource(bucket + "-lifecycle");

        Assert.Equal((long)Stacks.Settings("dev").Profile.Storage!.NoncurrentVersionDays, rule.Input("rules[0].noncurrentVersionExpiration.noncurrentDays"));
        Assert.Equal((long)SecureBucket.AbortIncompleteMultipartDays, rule.Input("rules[0].abortIncompleteMultipartUpload.daysAfterInitiation"));
    }

    [Theory]
    [MemberData(nameof(DataBuckets))]
    public void Prod_DataBuckets_AreProtectedAndRetained(string bucket)
    {
        var resource = Prod.Resource(bucket);

        Assert.True(resource.HasOption("protect", true));
        Assert.True(resource.HasOption("retainOnDelete", true));
        Assert.False(resource.Inputs.ContainsKey("forceDestroy"));
    }

    [Theory]
    [MemberData(nameof(Stacks.Lakehouses), MemberType = typeof(Stacks))]
    public void NonProdStacks_AreDestroyable_AndProdIsNot(string stack)
    {
        var bronze = Stacks.Deploy(stack).Resource("bronze-bucket");
        var destroyable = stack != "prod";

        Assert.Equal(destroyable, bronze.Inputs.GetValueOrDefault("forceDestroy") is true);
        Assert.Equal(!destroyable, bronze.HasOption("protect", true));
    }

    [Fact]
    public void BucketNames_AreDeterministicAndWithinTheS3Limit()
    {
        foreach (var bucket in Dev.OfType("aws:s3:Bucket"))
        {
            var name = (string)bucket.Input("bucket")!;
            Assert.StartsWith("dataplatform-dev-", name);
            Assert.EndsWith(EchoMocks.AccountId, name);
            Assert.InRange(name.Length, 3, LakehouseStorage.MaxBucketNameLength);
        }
    }
}
