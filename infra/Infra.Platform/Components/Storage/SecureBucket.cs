using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Storage;

/// <summary>An S3 bucket with its encryption, access, logging and lifecycle resources.</summary>
public static class SecureBucket
{
    public const int AbortIncompleteMultipartDays = 7;
    public const string KmsAlgorithm = "aws:kms";
    public const string S3ManagedAlgorithm = "AES256";

    public static BucketResult Create(ComponentScope scope, SecureBucketOptions options)
    {
        var name = options.LogicalName;
        var bucketProperties = new MapValue { ["bucket"] = options.BucketName };
        ResourceOptions? bucketOptions = null;
        if (options.RetainData)
        {
            bucketOptions = new ResourceOptions { Protect = true, RetainOnDelete = true };
        }
        else
        {
            bucketProperties["forceDestroy"] = true;
        }
        var bucket = scope.Add(name, "aws:s3:Bucket", bucketProperties, bucketOptions);
        var id = bucket.Attr("id");

        scope.Add($"{name}-versioning", "aws:s3:BucketVersioning", new MapValue
        {
            ["bucket"] = id,
            ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" },
        });
        scope.Add($"{name}-encryption", "aws:s3:BucketServerSideEncryptionConfiguration", new MapValue
        {
            ["bucket"] = id,
            ["rules"] = new ListValue { Encryption(options.KmsKeyArn) },
        });
        var publicAccess = scope.Add($"{name}-public-access", "aws:s3:BucketPublicAccessBlock", new MapValue
        {
            ["bucket"] = id,
            ["blockPublicAcls"] = true,
            ["blockPublicPolicy"] = true,
            ["ignorePublicAcls"] = true,
            ["restrictPublicBuckets"] = true,
        });
        scope.Add($"{name}-ownership", "aws:s3:BucketOwnershipControls", new MapValue
        {
            ["bucket"] = id,
            ["rule"] = new MapValue { ["objectOwnership"] = "BucketOwnerEnforced" },
        });
        var statements = new List<PolicyStatement> { PolicyDocument.DenyInsecureBucketTransport(bucket.Attr("arn")) };
        statements.AddRange(options.ExtraPolicyStatements);
        scope.Add($"{name}-policy", "aws:s3:BucketPolicy", new MapValue
        {
            ["bucket"] = id,
            ["policy"] = new PolicyDocument(statements).ToJson(),
        }, new ResourceOptions { DependsOn = [publicAccess.Self] });

        if (options.AccessLogBucket is { } logBucket)
        {
            scope.Add($"{name}-logging", "aws:s3:BucketLogging", new MapValue
            {
                ["bucket"] = id,
                ["targetBucket"] = logBucket,
                ["targetPrefix"] = Fn.Interpolate($"{id}/"),
            });
        }
        scope.Add($"{name}-lifecycle", "aws:s3:BucketLifecycleConfiguration", new MapValue
        {
            ["bucket"] = id,
            ["rules"] = LifecycleRules(options),
        });
        return new BucketResult(name, id, bucket.Attr("arn"));
    }

    private static MapValue Encryption(Reference? kmsKeyArn)
    {
        var byDefault = kmsKeyArn is null
            ? new MapValue { ["sseAlgorithm"] = S3ManagedAlgorithm }
            : new MapValue { ["sseAlgorithm"] = KmsAlgorithm, ["kmsMasterKeyId"] = kmsKeyArn };
        return new MapValue
        {
            ["applyServerSideEncryptionByDefault"] = byDefault,
            ["bucketKeyEnabled"] = kmsKeyArn is not null,
        };
    }

    private static ListValue LifecycleRules(SecureBucketOptions options)
    {
        var housekeeping = new MapValue
        {
            ["id"] = "housekeeping",
            ["status"] = "Enabled",
            ["filter"] = new MapValue { ["prefix"] = "" },
            ["abortIncompleteMultipartUpload"] = new MapValue { ["daysAfterInitiation"] = AbortIncompleteMultipartDays },
            ["noncurrentVersionExpiration"] = new MapValue { ["noncurrentDays"] = options.NoncurrentVersionDays },
        };
        if (options.ExpirationDays is { } expiration)
        {
            housekeeping["expiration"] = new MapValue { ["days"] = expiration };
        }
        if (options.Transitions.Count > 0)
        {
            housekeeping["transitions"] = new ListValue(options.Transitions.Select(t =>
                (Value)new MapValue { ["days"] = t.Days, ["storageClass"] = t.StorageClass }));
        }
        return [housekeeping];
    }
}

/// <param name="LogicalName">The bucket resource's logical name.</param>
/// <param name="BucketName">The bucket's name (its id) once created.</param>
/// <param name="Arn">The bucket's ARN.</param>
public sealed record BucketResult(string LogicalName, Reference BucketName, Reference Arn);
