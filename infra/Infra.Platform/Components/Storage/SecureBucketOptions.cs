using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Storage;

/// <summary>
/// Inputs of one bucket. Versioning, the public access block, bucket-owner-enforced
/// ownership, a TLS-only policy and an abort of incomplete multipart uploads are always
/// applied and cannot be switched off here.
/// </summary>
public sealed record SecureBucketOptions
{
    /// <summary>Logical name of the bucket resource; companion resources get it as prefix.</summary>
    public required string LogicalName { get; init; }

    /// <summary>The bucket's global name (3-63 characters once resolved).</summary>
    public required Value BucketName { get; init; }

    /// <summary>The KMS key for SSE-KMS with a bucket key; null means SSE-S3 (needed for access-log targets).</summary>
    public required Reference? KmsKeyArn { get; init; }

    /// <summary>Where server access logs go; null for the log bucket itself. Logging waits for that bucket's policy.</summary>
    public required BucketResult? AccessLogBucket { get; init; }

    public required int NoncurrentVersionDays { get; init; }

    /// <summary>Storage-class transitions of current objects, in days after creation.</summary>
    public IReadOnlyList<(int Days, string StorageClass)> Transitions { get; init; } = [];

    /// <summary>Days after which current objects expire; null keeps them.</summary>
    public int? ExpirationDays { get; init; }

    /// <summary>Statements added to the TLS-only policy.</summary>
    public IReadOnlyList<PolicyStatement> ExtraPolicyStatements { get; init; } = [];
}
