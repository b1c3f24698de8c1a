namespace Infra.Platform.Aws;

/// <summary>
/// Values the classic provider accepts as plain strings and names only in its documentation.
/// These are the ones the platform uses; where a provider declares an enum, the generated
/// type is used instead.
/// </summary>
public static class AwsValues
{
    public const string Enabled = "Enabled";
    public const string KinesisEncryptionKms = "KMS";
    public const string KinesisOnDemand = "ON_DEMAND";
    public const string KinesisProvisioned = "PROVISIONED";
    public const string StartingPositionTrimHorizon = "TRIM_HORIZON";
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";
    public const string LogFormatJson = "JSON";
    public const string TracingActive = "Active";
    public const string ArchitectureX86 = "x86_64";
    public const string SseKms = "aws:kms";
    public const string SseS3 = "AES256";
    public const string BucketOwnerEnforced = "BucketOwnerEnforced";
    public const string StorageClassInfrequentAccess = "STANDARD_IA";
    public const string StorageClassGlacier = "GLACIER";
}
