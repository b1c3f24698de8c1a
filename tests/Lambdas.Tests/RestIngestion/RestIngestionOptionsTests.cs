using Pipelines.Declarations.Functions;
using RestIngestion;

namespace Lambdas.Tests.RestIngestion;

public sealed class RestIngestionOptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        [RestIngestionContract.BucketVariable] = "bronze",
        [RestIngestionContract.BaseUrlVariable] = "https://api.example.com/base",
        [RestIngestionContract.TokenUrlVariable] = "https://api.example.com/oauth/token",
        [RestIngestionContract.ResourcesVariable] = "users=offset:updated_at, listening_sessions=next:started_at",
    };

    private static RestIngestionOptions Parse(params (string Name, string? Value)[] changes)
    {
        var environment = new Dictionary<string, string?>(Valid);
        foreach (var (name, value) in changes)
        {
            environment[name] = value;
        }
        return RestIngestionOptions.From(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Reads_every_setting_by_its_contract_name()
    {
        var options = Parse((RestIngestionContract.PageSizeVariable, "50"));

        Assert.Equal("https://api.example.com/base/", options.BaseUrl.AbsoluteUri);
        Assert.Equal([new ResourceSetting("users", false, "updated_at"), new ResourceSetting("listening_sessions", true, "started_at")], options.Resources);
        Assert.Equal(50, options.PageSize);
        Assert.Equal(RestIngestionContract.DefaultOutputPrefix, options.OutputPrefix);
    }

    [Theory]
    [InlineData(RestIngestionContract.BucketVariable, null, "BRONZE_BUCKET is not set")]
    [InlineData(RestIngestionContract.BaseUrlVariable, "ftp://x", "API_BASE_URL is not an absolute http(s) URL")]
    [InlineData(RestIngestionContract.ResourcesVariable, "users=pages:updated_at", "'users=pages:updated_at' is not name=offset:field")]
    [InlineData(RestIngestionContract.ResourcesVariable, ",", "names no resource")]
    [InlineData(RestIngestionContract.PageSizeVariable, "0", "API_PAGE_SIZE must be a positive whole number")]
    public void Bad_settings_are_named(string variable, string? value, string message)
    {
        Assert.Contains(message, Assert.Throws<InvalidOperationException>(() => Parse((variable, value))).Message);
    }

    [Fact]
    public void Credentials_that_are_not_the_expected_json_are_refused_without_echoing_them()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClientCredentials.Parse("""{"client_id":"a","secret":"hunter2"}""", "parameter /x"));
        Assert.Contains("parameter /x", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain("s3cr3t", new ClientCredentials("id", "s3cr3t").ToString());
    }

    [Fact]
    public void Backoff_doubles_up_to_its_cap_and_never_undercuts_retry_after()
    {
        var policy = new RetryPolicy(8, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), () => 1.0);

        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.Delay(1, null));
        Assert.Equal(TimeSpan.FromMilliseconds(800), policy.Delay(3, null));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.Delay(6, null));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.Delay(1, TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.Zero, (policy with { Random = () => 0 }).Delay(4, null));
    }
}
