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

    /// <summary>Every key of the project's namespace the synthesizer accepts; any other is reported as unknown.</summary>
    public static readonly IReadOnlyList<string> ProjectKeys =
    [
        Environment, Course, Owner, AllowedAccountIds, AssumeRoleArn, NoncurrentVersionDays, AccessLogRetentionDays,
        StreamConsumerReservedConcurrency,
    ];
}
