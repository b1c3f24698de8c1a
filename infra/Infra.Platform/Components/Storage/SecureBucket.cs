using Infra.Model.Inputs;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Aws;
using Infra.Platform.Iam;
using Infra.Providers.Aws.S3;
using Infra.Providers.Aws.S3.Inputs;

namespace Infra.Platform.Components.Storage;

/// <summary>
/// An S3 bucket with its encryption, access, logging and lifecycle resources. In a stack that
/// retains data, every one of them is protected and retained with the bucket, so renaming a
/// companion cannot strip a kept bucket of its encryption or policy.
/// </summary>
public static class SecureBucket
{
    public const int AbortIncompleteMultipartDays = 7;

    public static BucketResult Create(PlatformContext context, ComponentScope scope, SecureBucketOptions options)
    {
        var name = options.LogicalName;
        var keep = context.DataOptions();
        var bucket = scope.Add(name, new BucketArgs
        {
            Bucket = options.BucketName,
            ForceDestroy = context.RetainData ? null : true,
        }, keep);
        var id = bucket.Attr("id");

        var versioning = scope.Add($"{name}-versioning", new BucketVersioningArgs
        {
            Bucket = id,
            VersioningConfiguration = new BucketVersioningVersioningConfigurationArgs { Status = AwsValues.Enabled },
        }, keep);
        scope.Add($"{name}-encryption", new BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = id,
            Rules = [Encryption(options.KmsKeyArn)],
        }, keep);
        var publicAccess = scope.Add($"{name}-public-access", new BucketPublicAccessBlockArgs
        {
            Bucket = id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, keep);
        scope.Add($"{name}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = id,
            Rule = new BucketOwnershipControlsRuleArgs { ObjectOwnership = AwsValues.BucketOwnerEnforced },
        }, keep);
        var statements = new List<PolicyStatement> { PolicyDocument.DenyInsecureBucketTransport(bucket.Attr("arn")) };
        statements.AddRange(options.ExtraPolicyStatements);
        var policy = scope.Add($"{name}-policy", new BucketPolicyArgs
        {
            Bucket = id,
            Policy = new PolicyDocument(statements).ToJson(),
        }, context.DataOptions(new ResourceOptions { DependsOn = [publicAccess.Self] }));

        if (options.AccessLogBucket is { } logBucket)
        {
            scope.Add($"{name}-logging", new BucketLoggingArgs
            {
                Bucket = id,
                TargetBucket = logBucket.BucketName,
                TargetPrefix = Fn.Interpolate($"{id}/"),
            }, context.DataOptions(new ResourceOptions { DependsOn = [logBucket.Policy] }));
        }
        scope.Add($"{name}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = id,
            Rules = [Housekeeping(options)],
        }, context.DataOptions(new ResourceOptions { DependsOn = [versioning.Self] }));
        return new BucketResult(name, id, bucket.Attr("arn"), policy.Self);
    }

    private static BucketServerSideEncryptionConfigurationRuleArgs Encryption(Reference? kmsKeyArn) => new()
    {
        ApplyServerSideEncryptionByDefault = kmsKeyArn is null
            ? new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = AwsValues.SseS3 }
            : new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = AwsValues.SseKms, KmsMasterKeyId = kmsKeyArn },
        BucketKeyEnabled = kmsKeyArn is not null,
    };

    private static BucketLifecycleConfigurationRuleArgs Housekeeping(SecureBucketOptions options)
    {
        var transitions = new InputList<BucketLifecycleConfigurationRuleTransitionArgs>();
        foreach (var (days, storageClass) in options.Transitions)
        {
            transitions.Add(new BucketLifecycleConfigurationRuleTransitionArgs { Days = days, StorageClass = storageClass });
        }
        return new BucketLifecycleConfigurationRuleArgs
        {
            Id = "housekeeping",
            Status = AwsValues.Enabled,
            Filter = new BucketLifecycleConfigurationRuleFilterArgs { Prefix = "" },
            AbortIncompleteMultipartUpload = new BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs { DaysAfterInitiation = AbortIncompleteMultipartDays },
            NoncurrentVersionExpiration = new BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs { NoncurrentDays = options.NoncurrentVersionDays },
            Expiration = options.ExpirationDays is { } expirationDays ? new BucketLifecycleConfigurationRuleExpirationArgs { Days = expirationDays } : null,
            Transitions = options.Transitions.Count > 0 ? transitions : null,
        };
    }
}
