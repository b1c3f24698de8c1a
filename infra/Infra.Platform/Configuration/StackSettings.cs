using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Platform.Aws;
using Infra.Platform.Components.Functions;
using Infra.Platform.Profiles;

namespace Infra.Platform.Configuration;

/// <summary>Everything the synthesizer needs to know about one stack, validated; the profile carries the config's overrides.</summary>
public sealed partial record StackSettings
{
    public required string Project { get; init; }
    public required string Stack { get; init; }
    public required string Organization { get; init; }
    public required string Region { get; init; }
    public required AwsPartition Partition { get; init; }
    public required string Owner { get; init; }
    public required StackProfile Profile { get; init; }
    public required IReadOnlyList<string> AllowedAccountIds { get; init; }
    public string? AwsProfile { get; init; }
    public string? AssumeRoleArn { get; init; }

    public const int MinDays = 1;
    public const int MaxDays = 3650;

    /// <summary>Validates the stack's name and config; the first problem found is thrown as a <see cref="ConfigError"/>.</summary>
    public static StackSettings Resolve(string stack, string project, string organization, StackConfig config)
    {
        if (project != ConfigKeys.Project)
        {
            throw new ConfigError($"project '{project}' is not supported: this program belongs to project '{ConfigKeys.Project}'");
        }
        var profile = StackProfiles.Find(stack)
            ?? throw new ConfigError($"unknown stack '{stack}': known stacks are {StackProfiles.KnownNames}");

        foreach (var key in config.Keys)
        {
            if (key.StartsWith(ConfigKeys.Project + ":", StringComparison.Ordinal) && !ConfigKeys.ProjectKeys.Contains(key))
            {
                throw new ConfigError($"unknown config key '{key}': allowed keys are {string.Join(", ", ConfigKeys.ProjectKeys)}");
            }
        }

        foreach (var key in profile.AccountWide is null ? ConfigKeys.AccountStackKeys : ConfigKeys.LakehouseStackKeys)
        {
            if (config.Get(key) is not null)
            {
                throw new ConfigError(profile.AccountWide is null
                    ? $"{key} belongs to the account stack (stack '{Components.Account.AccountWide.Stack}'): Lake Formation's administrators are one list per account"
                    : $"{key} belongs to a stack with a lakehouse, not to the account stack");
            }
        }

        var region = Required(config, ConfigKeys.Region);
        var partition = AwsPartition.Of(region);
        var owner = Required(config, ConfigKeys.Owner);
        if (owner.Length > 128 || !TagValuePattern().IsMatch(owner))
        {
            throw new ConfigError($"{ConfigKeys.Owner} '{owner}' must be 1-128 letters, digits, spaces or _ . : / = + - @ (it becomes a tag value)");
        }
        var environment = Required(config, ConfigKeys.Environment);
        if (environment != profile.Environment)
        {
            throw new ConfigError($"{ConfigKeys.Environment} is '{environment}' but stack '{stack}' is a {profile.Environment} stack; allowed: {profile.Environment}");
        }
        var course = profile.Course == StackProfile.AllCourses
            ? config.Get(ConfigKeys.Course) ?? StackProfile.AllCourses
            : Required(config, ConfigKeys.Course, profile.Course);
        if (course != profile.Course)
        {
            throw new ConfigError($"{ConfigKeys.Course} is '{course}' but stack '{stack}' holds {profile.Course}; allowed: {profile.Course}");
        }
        var allowed = AccountIds(config);
        if (profile.RequiresAllowedAccounts && allowed.Count == 0)
        {
            throw new ConfigError(
                $"missing config value {ConfigKeys.AllowedAccountIds}: stack '{stack}' must name the account(s) it may deploy into, e.g. `pulumi config set {ConfigKeys.AllowedAccountIds} 123456789012`");
        }
        var assumeRole = config.Get(ConfigKeys.AssumeRoleArn);
        if (assumeRole is not null && !RoleArnPattern().IsMatch(assumeRole))
        {
            throw new ConfigError($"{ConfigKeys.AssumeRoleArn} '{assumeRole}' is not an IAM role ARN such as arn:{partition.Name}:iam::123456789012:role/deployer");
        }

        return new StackSettings
        {
            Project = project,
            Stack = stack,
            Organization = organization,
            Region = region,
            Partition = partition,
            Owner = owner,
            AllowedAccountIds = allowed,
            AwsProfile = config.Get(ConfigKeys.AwsProfile),
            AssumeRoleArn = assumeRole,
            Profile = profile with
            {
                Storage = profile.Storage is { } storage
                    ? storage with
                    {
                        NoncurrentVersionDays = Days(config, ConfigKeys.NoncurrentVersionDays) ?? storage.NoncurrentVersionDays,
                        AccessLogRetentionDays = Days(config, ConfigKeys.AccessLogRetentionDays) ?? storage.AccessLogRetentionDays,
                    }
                    : null,
                AccountWide = profile.AccountWide is { } accountWide
                    ? accountWide with
                    {
                        LakeAdmins = RoleArns(config, ConfigKeys.LakeAdmins, partition, allowWildcard: false),
                        LakeAdminPrincipal = RoleArns(config, ConfigKeys.LakeAdminPrincipal, partition, allowWildcard: true).SingleOrDefault(),
                    }
                    : null,
                Streaming = profile.Streaming is { } streaming
                    ? streaming with
                    {
                        ReservedConcurrency = OptionalWhole(config, ConfigKeys.StreamConsumerReservedConcurrency, 1, NativeFunction.MaxReservedConcurrency, "functions"),
                    }
                    : null,
                DatabaseExtraction = profile.DatabaseExtraction is { } extraction
                    ? extraction with { CaBundle = CaBundle(config) }
                    : config.Get(ConfigKeys.DatabaseCaBundle) is null ? null
                    : throw new ConfigError($"{ConfigKeys.DatabaseCaBundle} is set but stack '{stack}' has no source database"),
                LakeFormation = profile.LakeFormation is { } lake ? lake with { PersonaPrincipals = PersonaPrincipals(config, partition) } : null,
                Monitoring = profile.Monitoring is { } monitoring
                    ? monitoring with
                    {
                        IteratorAgeSeconds = OptionalWhole(config, ConfigKeys.AlarmIteratorAgeSeconds, 1, 7 * 24 * 3600, "seconds") ?? monitoring.IteratorAgeSeconds,
                        // Hourly periods over at most a week: CloudWatch's limit for one alarm's evaluation.
                        FreshnessHours = OptionalWhole(config, ConfigKeys.AlarmFreshnessHours, 1, 7 * 24, "hours") ?? monitoring.FreshnessHours,
                        DatabaseCpuPercent = OptionalWhole(config, ConfigKeys.AlarmDatabaseCpuPercent, 1, 100, "percent") ?? monitoring.DatabaseCpuPercent,
                        DatabaseFreeStorageGib = OptionalWhole(config, ConfigKeys.AlarmDatabaseFreeStorageGib, 1, 65536, "GiB") ?? monitoring.DatabaseFreeStorageGib,
                    }
                    : null,
            },
        };
    }

    private static Dictionary<string, string> PersonaPrincipals(StackConfig config, Aws.AwsPartition partition)
    {
        var principals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (persona, key) in new[] { (Components.Governance.Persona.Analyst, ConfigKeys.AnalystPrincipal),
            (Components.Governance.Persona.DataEngineer, ConfigKeys.DataEngineerPrincipal) })
        {
            if (RoleArns(config, key, partition, allowWildcard: true).SingleOrDefault() is { } arn)
            {
                principals[persona.Name] = arn;
            }
        }
        return principals;
    }

    /// <summary>The CA bundle's path: a .pem file inside the project, which Pulumi packs into a layer.</summary>
    private static string? CaBundle(StackConfig config)
    {
        if (config.Get(ConfigKeys.DatabaseCaBundle) is not { Length: > 0 } path)
        {
            return null;
        }
        if (Path.IsPathRooted(path) || path.Split('/', '\\').Contains("..") || !path.EndsWith(".pem", StringComparison.Ordinal))
        {
            throw new ConfigError($"{ConfigKeys.DatabaseCaBundle} '{path}' must be a .pem file inside the project, e.g. certs/rds-global-bundle.pem");
        }
        return path;
    }

    /// <summary>A comma-separated list of IAM role ARNs (no commas in their names), or one ARN where <c>*</c> may match several.</summary>
    private static IReadOnlyList<string> RoleArns(StackConfig config, string key, Aws.AwsPartition partition, bool allowWildcard)
    {
        var text = config.Get(key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var arns = allowWildcard ? [text.Trim()] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var pattern = allowWildcard ? $"^arn:{partition.Name}:iam::[0-9]{{12}}:role/[\\w+=,.@/*-]+$" : $"^arn:{partition.Name}:iam::[0-9]{{12}}:role/[\\w+=.@/-]+$";
        foreach (var arn in arns)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(arn, pattern))
            {
                throw new ConfigError($"{key} '{arn}' is not an IAM role ARN such as arn:{partition.Name}:iam::123456789012:role/analysts"
                    + (allowWildcard ? " (* allowed, e.g. for IAM Identity Center roles)" : " (several are separated by commas)"));
            }
        }
        return arns;
    }

    private static string Required(StackConfig config, string key, string example = "<value>")
    {
        var value = config.Get(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigError($"missing config value {key}: set it with `pulumi config set {key} {example}`");
        }
        return value;
    }

    private static IReadOnlyList<string> AccountIds(StackConfig config)
    {
        var text = config.Get(ConfigKeys.AllowedAccountIds);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var ids = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var id in ids)
        {
            if (!AccountIdPattern().IsMatch(id))
            {
                throw new ConfigError($"{ConfigKeys.AllowedAccountIds} holds '{id}': allowed is a comma-separated list of 12-digit account ids");
            }
        }
        return ids;
    }

    private static int? Days(StackConfig config, string key) => OptionalWhole(config, key, MinDays, MaxDays, "days");

    private static int? OptionalWhole(StackConfig config, string key, int min, int max, string unit)
    {
        var text = config.Get(key);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ConfigError($"{key} is '{text}': allowed is a whole number of {unit} from {min} to {max}");
        }
        return value;
    }

    [GeneratedRegex(@"^[\p{L}\p{N} _.:/=+\-@]+$")]
    private static partial Regex TagValuePattern();

    [GeneratedRegex(@"^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^arn:aws(-us-gov)?:iam::[0-9]{12}:role/[\w+=,.@/-]{1,512}$")]
    private static partial Regex RoleArnPattern();
}
