using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Platform.Profiles;

namespace Infra.Platform.Configuration;

/// <summary>Everything the synthesizer needs to know about one stack, validated.</summary>
public sealed partial record StackSettings
{
    public required string Project { get; init; }
    public required string Stack { get; init; }
    public required string Organization { get; init; }
    public required string Region { get; init; }
    public required string Owner { get; init; }
    public required StackProfile Profile { get; init; }
    public required int NoncurrentVersionDays { get; init; }
    public required int AccessLogRetentionDays { get; init; }
    public required int? StreamConsumerReservedConcurrency { get; init; }

    public const int MinDays = 1;
    public const int MaxDays = 3650;
    public const int MaxReservedConcurrency = 1000;

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

        var region = Required(config, ConfigKeys.Region);
        if (!RegionPattern().IsMatch(region))
        {
            throw new ConfigError($"{ConfigKeys.Region} '{region}' is not an AWS region name such as eu-west-1");
        }
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
        var course = config.Get(ConfigKeys.Course) ?? StackProfile.AllCourses;
        if (course != profile.Course)
        {
            throw new ConfigError($"{ConfigKeys.Course} is '{course}' but stack '{stack}' holds {profile.Course}; allowed: {profile.Course}");
        }

        return new StackSettings
        {
            Project = project,
            Stack = stack,
            Organization = organization,
            Region = region,
            Owner = owner,
            Profile = profile,
            NoncurrentVersionDays = Days(config, ConfigKeys.NoncurrentVersionDays, profile.DefaultNoncurrentVersionDays),
            AccessLogRetentionDays = Days(config, ConfigKeys.AccessLogRetentionDays, profile.DefaultAccessLogRetentionDays),
            StreamConsumerReservedConcurrency = OptionalWhole(config, ConfigKeys.StreamConsumerReservedConcurrency, 1, MaxReservedConcurrency, "functions"),
        };
    }

    private static string Required(StackConfig config, string key)
    {
        var value = config.Get(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigError($"missing config value {key}: set it with `pulumi config set {key} <value>`");
        }
        return value;
    }

    private static int Days(StackConfig config, string key, int fallback) =>
        OptionalWhole(config, key, MinDays, MaxDays, "days") ?? fallback;

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

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[\p{L}\p{N} _.:/=+\-@]+$")]
    private static partial Regex TagValuePattern();
}
