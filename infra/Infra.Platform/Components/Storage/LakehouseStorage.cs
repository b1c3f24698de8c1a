using Infra.Model;
using Infra.Model.Values;
using Infra.Platform.Aws;
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
    public const string InfrequentAccessClass = AwsValues.StorageClassInfrequentAccess;
    public const string ArchiveClass = AwsValues.StorageClassGlacier;
    public const int MaxBucketNameLength = 63;
    private const int AccountIdLength = 12;

    public static readonly IReadOnlyList<string> DataZones = ["bronze", "silver", "gold", "athena-results"];
    public const string LogZone = "access-logs";

    public static LakehouseStorageResult Create(PlatformContext context, LakehouseStorageSettings options)
    {
        if (options.BronzeArchiveDays < options.BronzeInfrequentAccessDays + 30)
        {
            throw new SynthesisException(
                $"bronze archive ({options.BronzeArchiveDays} days) must come at least 30 days after infrequent access ({options.BronzeInfrequentAccessDays} days)");
        }
        var scope = context.Scope(nameof(LakehouseStorage));
        var sourceArns = DataZones.Select(zone => new Reference(BucketLogicalName(zone), "arn")).ToList();
        var logs = SecureBucket.Create(context, scope, Common(context, options, LogZone) with
        {
            KmsKeyArn = null,
            AccessLogBucket = null,
            ExpirationDays = options.AccessLogRetentionDays,
            ExtraPolicyStatements = [AllowLogDelivery(context, sourceArns)],
        });
        var dataBuckets = DataZones.Select(zone => SecureBucket.Create(context, scope, Common(context, options, zone) with
        {
            KmsKeyArn = context.RequireKey().KeyArn,
            AccessLogBucket = logs,
            Transitions = zone == "bronze"
                ? [(options.BronzeInfrequentAccessDays, InfrequentAccessClass), (options.BronzeArchiveDays, ArchiveClass)]
                : [],
            ExpirationDays = zone == "athena-results" ? options.AthenaResultsExpirationDays : null,
        })).ToList();

        foreach (var (zone, bucket) in DataZones.Zip(dataBuckets).Append((LogZone, logs)))
        {
            context.Output(bucket.BucketName, zone, "BucketName");
            context.Output(bucket.Arn, zone, "BucketArn");
        }
        return new LakehouseStorageResult(dataBuckets[0], dataBuckets[1], dataBuckets[2], dataBuckets[3], logs);
    }

    /// <summary>
    /// Bucket names are global: they carry the region and the account id, so one account can
    /// hold the same stack in two regions.
    /// </summary>
    private static SecureBucketOptions Common(PlatformContext context, LakehouseStorageSettings options, string zone)
    {
        var literal = context.AccountWideName(zone);
        if (literal.Length + 1 + AccountIdLength > MaxBucketNameLength)
        {
            throw new SynthesisException(
                $"bucket name '{literal}-<account id>' would exceed {MaxBucketNameLength} characters: shorten the project or stack name");
        }
        return new SecureBucketOptions
        {
            LogicalName = BucketLogicalName(zone),
            BucketName = Fn.Interpolate($"{literal}-{context.AccountId}"),
            KmsKeyArn = null,
            AccessLogBucket = null,
            NoncurrentVersionDays = options.NoncurrentVersionDays,
        };
    }

    public static string BucketLogicalName(string zone) => zone + "-bucket";

    /// <summary>
    /// With bucket-owner-enforced ownership, S3 delivers access logs only when the target's
    /// policy allows the logging service, limited to our source buckets and account.
    /// </summary>
    private static PolicyStatement AllowLogDelivery(PlatformContext context, IReadOnlyList<Reference> sourceArns) => new()
    {
        Sid = "AllowServerAccessLogDelivery",
        Effect = PolicyEffect.Allow,
        Principal = new MapValue { ["Service"] = context.Partition.ServicePrincipal("logging.s3") },
        Actions = ["s3:PutObject"],
        Resources = [Fn.Interpolate($"{new Reference(BucketLogicalName(LogZone), "arn")}/*")],
        Conditions =
        [
            ("ArnLike", "aws:SourceArn", new ListValue(sourceArns)),
            ("StringEquals", "aws:SourceAccount", context.AccountId),
        ],
    };
}

public sealed record LakehouseStorageResult(
    BucketResult Bronze,
    BucketResult Silver,
    BucketResult Gold,
    BucketResult AthenaResults,
    BucketResult AccessLogs);
