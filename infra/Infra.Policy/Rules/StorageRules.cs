using Infra.Model.Resources;
using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules;

/// <summary>S3 buckets: no public access, KMS by default, TLS only, access logs, versioning, noncurrent expiry.</summary>
public static class StorageRules
{
    private const string Bucket = "aws:s3:Bucket";

    private static ResourceRule ForBuckets(string id, string requires, string fix, Func<ProgramView, Resource, string?> problem) =>
        new(id, requires, fix, [Bucket], problem);

    public static IEnumerable<PolicyRule> All =>
    [
        ForBuckets("S3-1-public-access-blocked", "every bucket blocks public ACLs and policies", "add a BucketPublicAccessBlock with all four settings true",
            (p, bucket) => p.Referring(bucket, "aws:s3:BucketPublicAccessBlock", "bucket").Any(block =>
                new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }.All(flag => IsTrue(block, flag)))
                ? null : "public access is not fully blocked"),
        ForBuckets("S3-2-kms-default-encryption", "every bucket encrypts new objects with KMS by default", "add a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and the stack key",
            (p, bucket) => p.Referring(bucket, "aws:s3:BucketServerSideEncryptionConfiguration", "bucket").Any(config =>
                Input(config, "rules") is ListValue rules && rules.Items.OfType<MapValue>().Any(rule =>
                    rule.TryGet("applyServerSideEncryptionByDefault", out var defaults) && defaults is MapValue d && d.TryGet("sseAlgorithm", out var algorithm) && algorithm is Text { Content: "aws:kms" or "aws:kms:dsse" }))
                ? null : "default encryption is not KMS"),
        ForBuckets("S3-3-tls-only", "every bucket's policy denies requests without TLS", "add a Deny statement on aws:SecureTransport = false to the bucket policy",
            (p, bucket) => p.Referring(bucket, "aws:s3:BucketPolicy", "bucket").SelectMany(policy => Statements(policy, "policy")).Any(DeniesInsecureTransport)
                ? null : "the bucket accepts requests without TLS"),
        ForBuckets("S3-4-access-logging", "every bucket but the log bucket logs access", "add a BucketLogging to the stack's access-log bucket",
            (p, bucket) => p.Referring(bucket, "aws:s3:BucketLogging", "bucket").Any() || p.OfType("aws:s3:BucketLogging").Any(l => Input(l, "targetBucket") is Reference r && r.Root == bucket.Name)
                ? null : "access to the bucket is not logged"),
        ForBuckets("S3-5-versioning", "every bucket keeps versions", "add a BucketVersioning with status Enabled",
            (p, bucket) => p.Referring(bucket, "aws:s3:BucketVersioning", "bucket").Any(v => Text(v, "versioningConfiguration.status") == "Enabled")
                ? null : "versioning is off"),
        ForBuckets("S3-6-noncurrent-expiry", "every versioned bucket expires noncurrent versions", "add a lifecycle rule with noncurrentVersionExpiration",
            (p, bucket) => p.Referring(bucket, "aws:s3:BucketLifecycleConfiguration", "bucket").Any(l =>
                Input(l, "rules") is ListValue rules && rules.Items.OfType<MapValue>().Any(rule => rule.TryGet("noncurrentVersionExpiration", out _)))
                ? null : "noncurrent versions are kept forever"),
    ];

    public static bool DeniesInsecureTransport(MapValue statement) =>
        statement.TryGet("Effect", out var effect) && effect is Text { Content: "Deny" }
        && statement.TryGet("Condition", out var condition) && condition is MapValue c && c.TryGet("Bool", out var b) && b is MapValue flags
        && flags.TryGet("aws:SecureTransport", out var secure) && secure is Text { Content: "false" } or Bool { Content: false };
}
