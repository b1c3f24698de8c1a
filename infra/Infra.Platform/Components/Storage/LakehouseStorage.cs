using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Storage;

/// <summary>
/// Bronze, silver and gold buckets (the course's landing, curated and presentation zones),
/// a bucket for Athena query results, and the access-log bucket they all log into.
/// </summary>
public static class LakehouseStorage
{
    public const int DefaultBronzeInfrequentAccessDays = 30;
    public const int DefaultBronzeArchiveDays = 90;
    public const int DefaultAthenaResultsExpirationDays = 30;
    public const string InfrequentAccessClass = "STANDARD_IA";
    public const string ArchiveClass = "GLACIER";
    public const int MaxBucketNameLength = 63;
    private const int AccountIdLength = 12;

    public static readonly IReadOnlyList<string> DataZones = ["bronze", "silver", "gold", "athena-results"];
    public const string LogZone = "access-logs";

    public static LakehouseStorageResult Create(ComponentScope scope, LakehouseStorageOptions options)
    {
        if (options.BronzeArchiveDays < options.BronzeInfrequentAccessDays + 30)
        {
            throw new SynthesisException(
                $"bronze archive ({options.BronzeArchiveDays} days) must come at least 30 days after infrequent access ({options.BronzeInfrequentAccessDays} days)");
        }
        var sourceArns = DataZones.Select(zone => new Reference(BucketLogicalName(zone), "arn")).ToList();
        var logs = SecureBucket.Create(scope, Common(options, LogZone) with
        {
            KmsKeyArn = null,
            AccessLogBucket = null,
            ExpirationDays = options.AccessLogRetentionDays,
            ExtraPolicyStatements = [AllowLogDelivery(LogObjects(), sourceArns, options.AccountId)],
        });
        var dataBuckets = DataZones.Select(zone => SecureBucket.Create(scope, Common(options, zone) with
        {
            KmsKeyArn = options.KmsKeyArn,
            AccessLogBucket = logs.BucketName,
            Transitions = zone == "bronze"
                ? [(options.BronzeInfrequentAccessDays, InfrequentAccessClass), (options.BronzeArchiveDays, ArchiveClass)]
                : [],
            ExpirationDays = zone == "athena-results" ? options.AthenaResultsExpirationDays : null,
        })).ToList();

        return new LakehouseStorageResult(dataBuckets[0], dataBuckets[1], dataBuckets[2], dataBuckets[3], logs);
    }

    private static SecureBucketOptions Common(LakehouseStorageOptions options, string zone)
    {
        var literalLength = options.NamePrefix.Length + zone.Length + 2;
        if (literalLength + AccountIdLength > MaxBucketNameLength)
        {
            throw new SynthesisException(
                $"bucket name '{options.NamePrefix}-{zone}-<account id>' would exceed {MaxBucketNameLength} characters: shorten the name prefix");
        }
        return new SecureBucketOptions
        {
            LogicalName = BucketLogicalName(zone),
            BucketName = Fn.Interpolate($"{options.NamePrefix}-{zone}-{options.AccountId}"),
            KmsKeyArn = null,
            AccessLogBucket = null,
            RetainData = options.RetainData,
            NoncurrentVersionDays = options.NoncurrentVersionDays,
        };
    }

    public static string BucketLogicalName(string zone) => zone + "-bucket";

    private static Value LogObjects() =>
        Fn.Interpolate($"{new Reference(BucketLogicalName(LogZone), "arn")}/*");

    /// <summary>
    /// With bucket-owner-enforced ownership, S3 delivers access logs only when the target's
    /// policy allows the logging service, limited to our source buckets and account.
    /// </summary>
    private static PolicyStatement AllowLogDelivery(Value logObjects, IReadOnlyList<Reference> sourceArns, Reference accountId) => new()
    {
        Sid = "AllowServerAccessLogDelivery",
        Effect = PolicyEffect.Allow,
        Principal = new MapValue { ["Service"] = "logging.s3.amazonaws.com" },
        Actions = ["s3:PutObject"],
        Resources = [logObjects],
        Conditions =
        [
            ("ArnLike", "aws:SourceArn", new ListValue(sourceArns)),
            ("StringEquals", "aws:SourceAccount", accountId),
        ],
    };
}

public sealed record LakehouseStorageResult(
    BucketResult Bronze,
    BucketResult Silver,
    BucketResult Gold,
    BucketResult AthenaResults,
    BucketResult AccessLogs);
