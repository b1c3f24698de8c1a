using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Functions;
using System.Text.Json;
using Lambdas.Tests.Support;
using Pipelines.Generator;
using Pipelines.SourceApi;
using RestIngestion;

namespace Lambdas.Tests.RestIngestion;

/// <summary>
/// One REST ingestion set-up against the API server: an in-memory bucket that can be made to fail,
/// a clock that moves only when told (one second per object written), and waits recorded instead of slept.
/// </summary>
public sealed class RestIngestionRig
{
    public const string Bucket = "bronze";

    private readonly SourceApiServer _server;

    public RestIngestionRig(SourceApiServer server, CourseData data, int pageSize = 7, TimeSpan? requestTimeout = null)
    {
        _server = server;
        Options = new RestIngestionOptions
        {
            Bucket = Bucket,
            BaseUrl = server.BaseAddress,
            TokenUrl = server.TokenUri,
            Resources = [.. SourceDatasets.Api.Select(resource => ResourceSetting.ParseList(resource.Setting, "test")[0])],
            PageSize = pageSize,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(5),
        };
        Credentials = new StaticCredentials(new ClientCredentials(server.ClientId, server.ClientSecret));
    }

    public RestIngestionOptions Options { get; }
    public MemoryObjectStore Store { get; } = new();
    public ManualClock Clock { get; } = new();
    public RecordedPauses Pauses { get; } = new();
    public StaticCredentials Credentials { get; set; }
    public TokenProvider? LastTokens { get; private set; }
    public PageFetcher? LastFetcher { get; private set; }

    /// <summary>A long invocation: plenty of time unless a test says otherwise.</summary>
    public Task<RestIngestionResponse> RunAsync(string[]? resources = null, TimeSpan? timeLeft = null)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        LastTokens = new TokenProvider(http, Options.TokenUrl, Credentials);
        LastFetcher = new PageFetcher(http, LastTokens, RetryPolicy.Default with { Random = () => 0.5 }, Pauses, Options.RequestTimeout, Clock);
        var handler = new RestIngestionHandler(new ClockedStore(Store, Clock), LastFetcher, Options, Clock);
        var deadline = Clock.GetUtcNow() + (timeLeft ?? TimeSpan.FromMinutes(15));
        return handler.HandleAsync(new RestIngestionRequest { Resources = resources?.ToList() }, deadline, CancellationToken.None);
    }

    /// <summary>Every item the finished runs' manifests account for, in run and page order.</summary>
    public List<string> Ingested(string resource)
    {
        var lines = new List<string>();
        foreach (var manifest in Manifests(resource))
        {
            foreach (var page in manifest.Pages)
            {
                lines.AddRange(Store.Lines($"{Bucket}/{page.Key}"));
            }
        }
        return lines;
    }

    public List<RunManifest> Manifests(string resource) =>
        [.. Store.Objects.Where(o => o.Key.StartsWith($"{Bucket}/{Options.OutputPrefix}/{resource}/", StringComparison.Ordinal) && o.Key.EndsWith("/_manifest.json", StringComparison.Ordinal))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => JsonSerializer.Deserialize(o.Value, RestIngestionJson.Default.RunManifest)!)];

    /// <summary>Asserts bronze holds exactly what the API serves for the resource: each item once, none missing, no stray page.</summary>
    public void AssertExactlyOnce(string resource)
    {
        var expected = _server.ItemsOf(resource).Select(item => System.Text.Encoding.UTF8.GetString(item)).ToList();
        Assert.Equal(expected, Ingested(resource));
        var listed = Manifests(resource).SelectMany(m => m.Pages.Select(p => $"{Bucket}/{p.Key}")).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        var pages = Store.Objects.Keys.Where(k => k.StartsWith($"{Bucket}/{Options.OutputPrefix}/{resource}/", StringComparison.Ordinal) && k.EndsWith(".ndjson.gz", StringComparison.Ordinal));
        Assert.Equal(pages.Order(), listed.Order());
        Assert.Equal(expected.Count, Manifests(resource).Sum(m => m.Records));
    }

    public sealed class StaticCredentials(ClientCredentials credentials) : Lambda.Secrets.ISecretSource
    {
        public string Name => "test credentials";

        public Task<string> GetAsync(CancellationToken cancellationToken) =>
            Task.FromResult($$"""{"client_id":"{{credentials.ClientId}}","client_secret":"{{credentials.ClientSecret}}"}""");
    }

    public sealed class RecordedPauses : IPause
    {
        public List<TimeSpan> Waits { get; } = [];

        public Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            Waits.Add(delay);
            return Task.CompletedTask;
        }
    }
}
