namespace Infra.Platform.Configuration;

/// <summary>The stack config keys the synthesizer reads. Project keys live in the project's namespace.</summary>
public static class ConfigKeys
{
    public const string Project = "dataplatform";

    public const string Region = "aws:region";
    /// <summary>The shared-config profile the stack's provider uses; explicit providers do not read it by themselves.</summary>
    public const string AwsProfile = "aws:profile";
    public const string Environment = Project + ":environment";
    public const string Course = Project + ":course";
    public const string Owner = Project + ":owner";
    public const string AllowedAccountIds = Project + ":allowedAccountIds";
    public const string AssumeRoleArn = Project + ":assumeRoleArn";
    public const string NoncurrentVersionDays = Project + ":noncurrentVersionDays";
    public const string AccessLogRetentionDays = Project + ":accessLogRetentionDays";
    public const string StreamConsumerReservedConcurrency = Project + ":streamConsumerReservedConcurrency";
    public const string AlarmIteratorAgeSeconds = Project + ":alarmIteratorAgeSeconds";
    public const string AlarmFreshnessHours = Project + ":alarmFreshnessHours";
    public const string AlarmDatabaseCpuPercent = Project + ":alarmDatabaseCpuPercent";
    public const string AlarmDatabaseFreeStorageGib = Project + ":alarmDatabaseFreeStorageGib";

    /// <summary>Who may assume the persona roles (IAM role ARNs, <c>*</c> allowed), where the stack has them.</summary>
    public const string AnalystPrincipal = Project + ":analystPrincipal";
    public const string DataEngineerPrincipal = Project + ":dataEngineerPrincipal";
    public const string LakeAdminPrincipal = Project + ":lakeAdminPrincipal";

    /// <summary>The account stack's extra Lake Formation administrators: the roles that deploy governed stacks (IAM role ARNs, comma-separated).</summary>
    public const string LakeAdmins = Project + ":lakeAdmins";

    /// <summary>A PEM file in the project (RDS's CA bundle) the functions verify the database's certificate against.</summary>
    public const string DatabaseCaBundle = Project + ":databaseCaBundle";

    /// <summary>Read by Pulumi at deployment (the program declares them), not by the synthesizer: the course API's base URL, token URL and client credentials (secret).</summary>
    public const string ApiBaseUrl = Project + ":apiBaseUrl";
    public const string ApiTokenUrl = Project + ":apiTokenUrl";
    public const string ApiCredentials = Project + ":apiCredentials";

    /// <summary>Read by Pulumi at deployment: the e-mail address subscribed to the stack's alarms and pipeline notices (required).</summary>
    public const string AlertEmail = Project + ":alertEmail";

    /// <summary>Keys only the account stack reads.</summary>
    public static readonly IReadOnlyList<string> AccountStackKeys = [LakeAdmins, LakeAdminPrincipal];

    /// <summary>Keys only a stack with a lakehouse reads.</summary>
    public static readonly IReadOnlyList<string> LakehouseStackKeys =
    [
        NoncurrentVersionDays, AccessLogRetentionDays, StreamConsumerReservedConcurrency, AlarmIteratorAgeSeconds, AlarmFreshnessHours,
        AlarmDatabaseCpuPercent, AlarmDatabaseFreeStorageGib, ApiBaseUrl, ApiTokenUrl, ApiCredentials, AnalystPrincipal, DataEngineerPrincipal, DatabaseCaBundle,
    ];

    /// <summary>The name a program's <c>config</c> block gives a key of the project's namespace (Pulumi YAML adds the project).</summary>
    public static string InProgram(string key) =>
        key.StartsWith(Project + ":", StringComparison.Ordinal) ? key[(Project.Length + 1)..] : throw new ArgumentException($"'{key}' is not in the {Project} namespace", nameof(key));

    /// <summary>Every key of the project's namespace the synthesizer accepts; any other is reported as unknown.</summary>
    public static readonly IReadOnlyList<string> ProjectKeys =
    [
        Environment, Course, Owner, AllowedAccountIds, AssumeRoleArn, NoncurrentVersionDays, AccessLogRetentionDays,
        StreamConsumerReservedConcurrency, AlarmIteratorAgeSeconds, AlarmFreshnessHours, AlarmDatabaseCpuPercent, AlarmDatabaseFreeStorageGib,
        ApiBaseUrl, ApiTokenUrl, ApiCredentials, AlertEmail, AnalystPrincipal, DataEngineerPrincipal, LakeAdminPrincipal,
        LakeAdmins, DatabaseCaBundle,
    ];
}
