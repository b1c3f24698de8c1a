using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Functions;
using Pipelines.SourceApi;
using RestIngestion;

namespace Lambdas.Tests.RestIngestion;

/// <summary>The REST ingestion handler against the course's API server on 127.0.0.1.</summary>
public sealed class RestIngestionTests(SourceApiFixture api) : IClassFixture<SourceApiFixture>
{
    private RestIngestionRig Rig(int pageSize = 7, TimeSpan? requestTimeout = null) => new(api.Server, api.Data, pageSize, requestTimeout);

    [Fact]
    public async Task Every_resource_lands_exactly_once_and_a_rerun_fetches_nothing_new()
    {
        var rig = Rig();
        var first = await rig.RunAsync();
        var second = await rig.RunAsync();

        Assert.True(first.Complete);
        Assert.All(first.Runs, run => Assert.True(rig.Store.Objects.ContainsKey($"{RestIngestionRig.Bucket}/{run.Manifest}"), $"{run.Resource} names its manifest {run.Manifest}"));
        foreach (var resource in SourceDatasets.Api)
        {
            rig.AssertExactlyOnce(resource.Name);
            Assert.Equal(2, rig.Manifests(resource.Name).Count);
        }
        Assert.All(second.Runs, run => Assert.Equal((0, 0L), (run.PagesWritten, run.RunRecords)));
        Assert.All(second.Runs, run => Assert.Equal(first.Runs.Single(r => r.Resource == run.Resource).Watermark, run.Watermark));
        Assert.Contains(api.Server.Log, entry => entry.Path.Contains("cursor=", StringComparison.Ordinal));
        Assert.Contains(api.Server.Log, entry => entry.Path.Contains("offset=14", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_and_manifest_sit_under_source_ingest_date_run_and_page()
    {
        var rig = Rig();
        await rig.RunAsync(["users"]);

        var manifest = Assert.Single(rig.Manifests("users"));
        Assert.Equal($"api/users/ingest_date=2026-03-01/run={manifest.Run}/page-00001.ndjson.gz", manifest.Pages[0].Key);
        Assert.Matches(@"^20260301T060000Z-000001$", manifest.Run);
        Assert.Null(manifest.Since);
        Assert.All(manifest.Pages.SkipLast(1), page => Assert.Equal(7, page.Records));
    }

    [Theory]
    [InlineData(FaultKind.RateLimited)]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.TruncatedJson)]
    [InlineData(FaultKind.ExpiredToken)]
    [InlineData(FaultKind.Slow)]
    public async Task Each_fault_is_retried_and_nothing_is_lost_or_doubled(FaultKind kind)
    {
        var rig = Rig(requestTimeout: TimeSpan.FromSeconds(1));
        var fault = kind switch
        {
            FaultKind.RateLimited => Fault.RateLimited(retryAfterSeconds: 3),
            FaultKind.Slow => Fault.Slow(TimeSpan.FromSeconds(4)),
            _ => new Fault(kind),
        };
        api.Server.Faults.Enqueue(fault, fault);

        var result = await rig.RunAsync(["users"]);

        Assert.True(result.Complete);
        Assert.False(api.Server.Faults.Pending);
        rig.AssertExactlyOnce("users");
        Assert.Equal(2, rig.LastFetcher!.Retries);
        switch (kind)
        {
            case FaultKind.RateLimited:
                Assert.Equal(2, rig.Pauses.Waits.Count(wait => wait >= TimeSpan.FromSeconds(3)));
                break;
            case FaultKind.ExpiredToken:
                Assert.Equal(3, rig.LastTokens!.Issued);
                break;
            default:
                Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], rig.Pauses.Waits);
                break;
        }
    }

    [Fact]
    public async Task A_crash_at_any_write_followed_by_a_rerun_loses_nothing_and_doubles_nothing()
    {
        var clean = Rig();
        await clean.RunAsync(["users"]);
        var writes = clean.Store.Puts;
        Assert.True(writes >= 10, $"only {writes} writes: too few pages to cover the boundaries");

        for (var crashAt = 0; crashAt < writes; crashAt++)
        {
            var rig = Rig();
            rig.Store.FailPuts = (crashAt, 1);
            await Assert.ThrowsAsync<HttpRequestException>(() => rig.RunAsync(["users"]));
            var rerun = await rig.RunAsync(["users"]);
            Assert.True(rerun.Complete, $"crash at write {crashAt}");
            rig.AssertExactlyOnce("users");
            Assert.Single(rig.Manifests("users"));
        }
    }

    [Fact]
    public async Task Work_stops_before_the_deadline_and_the_next_invocation_resumes()
    {
        var rig = Rig();
        var margin = rig.Options.SafetyMargin + rig.Options.RequestTimeout;
        var invocations = 0;
        RestIngestionResponse result;
        do
        {
            // Time for about two pages (each costs two one-second writes on the rig's clock).
            result = await rig.RunAsync(["listening_sessions"], timeLeft: margin + TimeSpan.FromSeconds(4.5));
            invocations++;
        }
        while (!result.Complete && invocations < 100);

        Assert.True(invocations > 3, $"finished in {invocations} invocations: the deadline never bit");
        rig.AssertExactlyOnce("listening_sessions");
        Assert.Single(rig.Manifests("listening_sessions"));
    }

    [Fact]
    public async Task An_incremental_run_fetches_only_what_arrived_after_the_watermark()
    {
        await using var server = await SourceApiServer.StartAsync(new SourceApiOptions(api.Data));
        var rig = new RestIngestionRig(server, api.Data);
        var all = server.ItemsOf("orders").Count;
        server.Reveal("orders", all * 3 / 5);
        var first = await rig.RunAsync(["orders"]);
        server.Reveal("orders", all);
        var second = await rig.RunAsync(["orders"]);

        rig.AssertExactlyOnce("orders");
        Assert.Equal(all * 3 / 5, first.Runs[0].RunRecords);
        Assert.Equal(all - all * 3 / 5, second.Runs[0].RunRecords);
        var manifests = rig.Manifests("orders");
        Assert.Equal(manifests[0].Until, manifests[1].Since);
        Assert.Contains(server.Log, entry => entry.Path.Contains("updated_since=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_credentials_stop_the_run_with_a_message_naming_the_client()
    {
        var rig = Rig();
        rig.Credentials = new RestIngestionRig.StaticCredentials(new ClientCredentials(api.Server.ClientId, "wrong"));

        var error = await Assert.ThrowsAsync<ApiRefusedException>(() => rig.RunAsync(["users"]));

        Assert.Contains(api.Server.ClientId, error.Message);
        Assert.DoesNotContain("wrong", error.Message);
    }

    [Fact]
    public async Task A_resource_the_api_does_not_have_is_refused_not_retried()
    {
        var rig = Rig();
        var options = rig.Options with { Resources = [new ResourceSetting("nope", false, "updated_at")] };
        var handler = new RestIngestionHandler(rig.Store, new PageFetcher(new HttpClient(), new TokenProvider(new HttpClient(), options.TokenUrl, rig.Credentials), RetryPolicy.Default, rig.Pauses, options.RequestTimeout, rig.Clock), options, rig.Clock);

        var error = await Assert.ThrowsAsync<ApiRefusedException>(() => handler.HandleAsync(new RestIngestionRequest(), rig.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None));

        Assert.Contains("404", error.Message);
        Assert.Empty(rig.Pauses.Waits);
    }

    [Fact]
    public async Task A_server_that_never_recovers_fails_the_run_after_the_retry_budget_and_the_checkpoint_stays()
    {
        var rig = Rig();
        api.Server.Faults.Enqueue([.. Enumerable.Repeat(Fault.ServerError, RetryPolicy.Default.MaxAttempts)]);

        var error = await Assert.ThrowsAsync<ApiUnavailableException>(() => rig.RunAsync(["users"]));

        Assert.Contains("500", error.Message);
        Assert.Equal(RetryPolicy.Default.MaxAttempts - 1, rig.Pauses.Waits.Count);
        Assert.True((await rig.RunAsync(["users"])).Complete);
        rig.AssertExactlyOnce("users");
    }
}
