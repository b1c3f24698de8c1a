using System.Text.RegularExpressions;
using Infra.Model.Resources;
using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules.Services;

/// <summary>Documented limits of single resources' settings: a value outside them fails the deploy (the API refuses it) or every query.</summary>
public static partial class ServiceLimitRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule("ATH-2-cutoff-minimum", "a workgroup's bytes-scanned cutoff is at least 10 MB", "set bytesScannedCutoffPerQuery to 10485760 or more", ["aws:athena:Workgroup"],
            (_, wg) => Input(wg, "configuration.bytesScannedCutoffPerQuery") is not Integer { Content: < 10_485_760 } ? null : "the cutoff is below Athena's minimum",
            "Athena API Reference: WorkGroupConfiguration (BytesScannedCutoffPerQuery)"),
        new ResourceRule("ATH-3-results-location", "every workgroup names an S3 results location", "set configuration.resultConfiguration.outputLocation to s3://bucket/prefix/", ["aws:athena:Workgroup"],
            (_, wg) => Input(wg, "configuration.resultConfiguration.outputLocation") is { } location && Describe(location).StartsWith("s3://", StringComparison.Ordinal)
                ? null : "queries through the API fail without a results location",
            "Athena User Guide: Specify a query result location"),
        new ResourceRule("S3T-1-bucket-name", "a table bucket's name is 3-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit",
            "rename the table bucket", ["aws:s3tables:TableBucket"],
            (_, bucket) => Text(bucket, "name") is not { } name || TableBucketName().IsMatch(name) ? null : $"'{name}' is not a valid table bucket name",
            "Amazon S3 User Guide: Amazon S3 table bucket, table, and namespace naming rules"),
        new ResourceRule("S3T-2-table-names", "an S3 Tables namespace or table name is 1-255 lower-case letters, digits and underscores, starting with a letter or digit",
            "rename the namespace or table", ["aws:s3tables:Namespace", "aws:s3tables:Table"],
            (_, resource) => Text(resource, resource.Type == "aws:s3tables:Namespace" ? "namespace" : "name") is not { } name || TableName().IsMatch(name) ? null : $"'{name}' is not a valid name",
            "Amazon S3 User Guide: Amazon S3 table bucket, table, and namespace naming rules"),
        new ResourceRule("GLUE-4-athena-names", "catalog databases and tables have names Athena can query: lower-case letters, digits and underscores, at most 255",
            "rename it with lower-case letters, digits and underscores", ["aws:glue:CatalogDatabase", "aws:glue:CatalogTable"],
            (_, resource) => Text(resource, "name") is not { } name || AthenaName().IsMatch(name) ? null : $"Athena cannot query '{name}'",
            "Athena User Guide: Name databases, tables, and columns"),
        new ResourceRule("SCH-1-time-window", "a schedule's flexible time window is OFF, or FLEXIBLE with 1-1440 minutes", "set flexibleTimeWindow.mode OFF, or FLEXIBLE with maximumWindowInMinutes 1-1440", ["aws:scheduler:Schedule"],
            (_, schedule) => (Text(schedule, "flexibleTimeWindow.mode"), Input(schedule, "flexibleTimeWindow.maximumWindowInMinutes")) switch
            {
                ("OFF", null) => null,
                ("FLEXIBLE", Integer { Content: >= 1 and <= 1440 }) => null,
                var (mode, _) => $"flexible time window '{mode}' with a maximum the API refuses",
            },
            "EventBridge Scheduler API Reference: FlexibleTimeWindow"),
        new ResourceRule("SCH-2-retry-policy", "a schedule's target retries 0-185 times within 60-86400 seconds", "set target.retryPolicy in those ranges", ["aws:scheduler:Schedule"],
            (_, schedule) => In(schedule, "target.retryPolicy.maximumRetryAttempts", 0, 185) && In(schedule, "target.retryPolicy.maximumEventAgeInSeconds", 60, 86_400)
                ? null : "a retry policy the API refuses",
            "EventBridge Scheduler API Reference: RetryPolicy"),
        new ResourceRule("KES-1-stream-source-limits", "a Kinesis event source mapping's settings are within Lambda's limits",
            "batchSize 1-10000, batching window 0-300 s, parallelization 1-10, retries -1-10000, record age -1 or 60-604800 s, tumbling window 0-900 s, a starting position",
            ["aws:lambda:EventSourceMapping"],
            (_, mapping) => !Describe(Input(mapping, "eventSourceArn") ?? Null.Instance).Contains("stream", StringComparison.Ordinal)
                || (In(mapping, "batchSize", 1, 10_000) && In(mapping, "maximumBatchingWindowInSeconds", 0, 300) && In(mapping, "parallelizationFactor", 1, 10)
                    && In(mapping, "maximumRetryAttempts", -1, 10_000) && In(mapping, "tumblingWindowInSeconds", 0, 900)
                    && Input(mapping, "maximumRecordAgeInSeconds") is null or Integer { Content: -1 or (>= 60 and <= 604_800) }
                    && Text(mapping, "startingPosition") is "TRIM_HORIZON" or "LATEST" or "AT_TIMESTAMP")
                ? null : "a stream source setting the API refuses",
            "Lambda API Reference: CreateEventSourceMapping"),
        new ResourceRule("FH-2-no-sse-with-stream-source", "a delivery stream reading a Kinesis data stream does not enable its own server-side encryption",
            "encrypt the source stream instead (Firehose keeps the source's encryption)", ["aws:kinesis:FirehoseDeliveryStream"],
            (_, delivery) => IsSet(delivery, "kinesisSourceConfiguration.kinesisStreamArn") && IsTrue(delivery, "serverSideEncryption.enabled")
                ? "server-side encryption cannot be enabled when the source is a Kinesis data stream" : null,
            "Amazon Data Firehose Developer Guide: Data protection (server-side encryption with Kinesis Data Streams as the source)"),
        new ResourceRule("SFN-1-log-destination", "a state machine logs to a log group ARN ending in :*", "set loggingConfiguration.logDestination to the log group's ARN followed by :*", ["aws:sfn:StateMachine"],
            (_, machine) => Input(machine, "loggingConfiguration.logDestination") is not { } destination || Describe(destination).EndsWith(":*", StringComparison.Ordinal)
                ? null : "Step Functions refuses a log destination that is not a log group ARN ending in :*",
            "Step Functions Developer Guide: Logging in CloudWatch Logs"),
    ];

    /// <summary>Absent (the service's default), resolved at deployment, or a literal within the range.</summary>
    private static bool In(Resource resource, string path, long minimum, long maximum) => Input(resource, path) switch
    {
        Integer { Content: var n } => n >= minimum && n <= maximum,
        _ => true,
    };

    [GeneratedRegex("^(?!xn--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex TableBucketName();

    [GeneratedRegex("^[a-z0-9][a-z0-9_]{0,254}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9_]{1,255}$")]
    private static partial Regex AthenaName();
}
