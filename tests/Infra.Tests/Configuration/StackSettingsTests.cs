using Infra.Platform.Configuration;
using Infra.Platform.Profiles;

namespace Infra.Tests.Configuration;

public class StackSettingsTests
{
    private static Dictionary<string, string?> Valid(string environment = "dev") => new()
    {
        [ConfigKeys.Region] = "eu-west-1",
        [ConfigKeys.Environment] = environment,
        [ConfigKeys.Owner] = "team",
    };

    private static string Fails(string stack, Dictionary<string, string?> values) =>
        Assert.Throws<ConfigError>(() => StackSettings.Resolve(stack, ConfigKeys.Project, "org", new StackConfig(values))).Message;

    [Fact]
    public void Resolve_ValidDevConfig_UsesProfileDefaults()
    {
        var settings = StackSettings.Resolve("dev", ConfigKeys.Project, "org", new StackConfig(Valid()));

        Assert.Equal("eu-west-1", settings.Region);
        Assert.False(settings.Profile.RetainData);
        Assert.Equal(StackProfiles.Find("dev")!.Storage!.NoncurrentVersionDays, settings.Profile.Storage!.NoncurrentVersionDays);
    }

    [Fact]
    public void Resolve_UnknownStack_NamesTheKnownStacks()
    {
        var message = Fails("staging", Valid());

        Assert.Contains("unknown stack 'staging'", message);
        Assert.Contains(StackProfiles.KnownNames, message);
    }

    [Fact]
    public void Resolve_OtherProject_Fails()
    {
        Assert.Throws<ConfigError>(() => StackSettings.Resolve("dev", "other", "org", new StackConfig(Valid())));
    }

    [Theory]
    [InlineData(ConfigKeys.Region)]
    [InlineData(ConfigKeys.Owner)]
    [InlineData(ConfigKeys.Environment)]
    public void Resolve_MissingRequiredKey_NamesTheKey(string key)
    {
        var values = Valid();
        values.Remove(key);

        Assert.Contains($"missing config value {key}", Fails("dev", values));
    }

    [Theory]
    [InlineData("europe")]
    [InlineData("EU-WEST-1")]
    [InlineData("eu-west")]
    public void Resolve_MalformedRegion_SaysWhatIsAllowed(string region)
    {
        var values = Valid();
        values[ConfigKeys.Region] = region;

        Assert.Contains("is not a region the pinned aws provider knows", Fails("dev", values));
    }

    [Fact]
    public void Resolve_EnvironmentNotMatchingStack_NamesTheAllowedValue()
    {
        var message = Fails("dev", Valid("prod"));

        Assert.Contains(ConfigKeys.Environment, message);
        Assert.Contains("allowed: dev", message);
    }

    [Fact]
    public void Resolve_CourseStackWithWrongCourse_NamesTheAllowedValue()
    {
        var values = Valid("course");
        values[ConfigKeys.Course] = "course3";

        Assert.Contains("allowed: course2", Fails("course2", values));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("3651")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public void Resolve_DaysOutOfRange_SaysTheRange(string days)
    {
        var values = Valid();
        values[ConfigKeys.NoncurrentVersionDays] = days;

        Assert.Contains($"from {StackSettings.MinDays} to {StackSettings.MaxDays}", Fails("dev", values));
    }

    [Fact]
    public void Resolve_MisspelledProjectKey_ListsTheAllowedKeys()
    {
        var values = Valid();
        values["dataplatform:ownr"] = "x";

        var message = Fails("dev", values);

        Assert.Contains("unknown config key 'dataplatform:ownr'", message);
        Assert.Contains(ConfigKeys.Owner, message);
    }

    [Fact]
    public void Resolve_KeysOfOtherNamespaces_AreIgnored()
    {
        var values = Valid();
        values["aws:profile"] = "learner";

        Assert.Equal("dev", StackSettings.Resolve("dev", ConfigKeys.Project, "org", new StackConfig(values)).Stack);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void FromJson_Malformed_Fails(string json)
    {
        Assert.Throws<ConfigError>(() => StackConfig.FromJson(json));
    }

    [Fact]
    public void FromJson_NumbersAndStrings_BecomeText()
    {
        var config = StackConfig.FromJson("""{"aws:region":"eu-west-1","dataplatform:noncurrentVersionDays":30}""");

        Assert.Equal("30", config.Get(ConfigKeys.NoncurrentVersionDays));
    }
}

public class ReservedConcurrencyTests
{
    [Fact]
    public void Resolve_ReservedConcurrency_IsOptionalAndRangeChecked()
    {
        var values = new Dictionary<string, string?>
        {
            [ConfigKeys.Region] = "eu-west-1",
            [ConfigKeys.Environment] = "dev",
            [ConfigKeys.Owner] = "team",
        };
        Assert.Null(StackSettings.Resolve("dev", ConfigKeys.Project, "o", new StackConfig(values)).Profile.Streaming!.ReservedConcurrency);

        values[ConfigKeys.StreamConsumerReservedConcurrency] = "5";
        Assert.Equal(5, StackSettings.Resolve("dev", ConfigKeys.Project, "o", new StackConfig(values)).Profile.Streaming!.ReservedConcurrency);

        values[ConfigKeys.StreamConsumerReservedConcurrency] = "0";
        var error = Assert.Throws<ConfigError>(() => StackSettings.Resolve("dev", ConfigKeys.Project, "o", new StackConfig(values)));
        Assert.Contains($"from 1 to {Infra.Platform.Components.Functions.NativeFunction.MaxReservedConcurrency}", error.Message);
    }

    [Fact]
    public void Resolve_AlarmThresholds_DefaultFromTheProfileAndAreRangeChecked()
    {
        var values = new Dictionary<string, string?> { [ConfigKeys.Region] = "eu-west-1", [ConfigKeys.Environment] = "dev", [ConfigKeys.Owner] = "team" };
        var defaults = StackSettings.Resolve("dev", ConfigKeys.Project, "o", new StackConfig(values)).Profile.Monitoring!;
        Assert.Equal((600, 26, 80, 2), (defaults.IteratorAgeSeconds, defaults.FreshnessHours, defaults.DatabaseCpuPercent, defaults.DatabaseFreeStorageGib));

        values[ConfigKeys.AlarmFreshnessHours] = "50";
        values[ConfigKeys.AlarmDatabaseCpuPercent] = "90";
        var set = StackSettings.Resolve("dev", ConfigKeys.Project, "o", new StackConfig(values)).Profile.Monitoring!;
        Assert.Equal((50, 90), (set.FreshnessHours, set.DatabaseCpuPercent));

        values[ConfigKeys.AlarmFreshnessHours] = "200";
        var error = Assert.Throws<ConfigError>(() => StackSettings.Resolve("dev", ConfigKeys.Project, "o", new StackConfig(values)));
        Assert.Contains($"{ConfigKeys.AlarmFreshnessHours} is '200': allowed is a whole number of hours from 1 to 168", error.Message);
    }
}
