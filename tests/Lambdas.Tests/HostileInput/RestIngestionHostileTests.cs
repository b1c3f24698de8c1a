using Lambdas.Tests.RestIngestion;
using Lambdas.Tests.Support;
using Pipelines.Declarations.Functions;
using RestIngestion;

namespace Lambdas.Tests.HostileInput;

/// <summary>
/// REST ingestion against generated hostile APIs: whatever the items hold (bytes that are not UTF-8 included), each lands
/// in bronze exactly once, byte for byte and in order, the manifest counts them, and the watermark never passes the run's start; an API that breaks the paging
/// contract (no items, a link that is not a URL, a looping cursor, an ignored offset) fails the run
/// with a message naming the problem, never loops, and leaves no item written twice.
/// </summary>
public sealed class RestIngestionHostileTests
{
    private const int PageSize = 5;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 300)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_item_lands_once_or_the_run_fails_naming_the_broken_paging(int seed)
    {
        var hostile = new Hostile(seed);
        var nextLinks = hostile.Chance(0.5);
        var faults = Enum.GetValues<ApiFault>().Where(f => nextLinks || f is not (ApiFault.BrokenLink or ApiFault.LoopingCursor)).ToList();
        var fault = hostile.Chance(0.5) ? hostile.Pick(faults) : ApiFault.None;
        var api = new HostileApi(hostile, nextLinks, PageSize, fault);
        var store = new MemoryObjectStore();
        var clock = new ManualClock();
        var options = new RestIngestionOptions
        {
            Bucket = "bronze",
            BaseUrl = HostileApi.BaseUrl,
            TokenUrl = HostileApi.TokenUrl,
            Resources = [new ResourceSetting("things", nextLinks, "updated_at")],
            PageSize = PageSize,
        };
        var http = new HttpClient(api);
        var fetcher = new PageFetcher(http, new TokenProvider(http, HostileApi.TokenUrl, new RestIngestionRig.StaticCredentials(new ClientCredentials("id", "secret"))),
            RetryPolicy.Default with { Random = () => 0.5 }, new RestIngestionRig.RecordedPauses(), options.RequestTimeout, clock);
        var handler = new RestIngestionHandler(store, fetcher, options, clock);

        RestIngestionResponse? response = null;
        Exception? failure = null;
        try
        {
            response = await handler.HandleAsync(new RestIngestionRequest(), clock.GetUtcNow() + TimeSpan.FromMinutes(15), CancellationToken.None);
        }
        catch (Exception e) when (e is ApiRefusedException or ApiUnavailableException)
        {
            failure = e;
        }

        var written = store.Objects.Where(o => o.Key.EndsWith(".ndjson.gz", StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal)
            .SelectMany(o => GunzipLines(o.Value)).ToList();
        var expectedToFail = fault is not (ApiFault.None or ApiFault.Transient) && api.Items.Count > PageSize;
        if (!expectedToFail || failure is null)
        {
            Assert.Null(failure);
            Assert.True(response!.Complete);
            Assert.Equal(api.Items.Select(Convert.ToHexString), written.Select(Convert.ToHexString));
            var manifest = Assert.Single(store.Objects, o => o.Key.EndsWith("_manifest.json", StringComparison.Ordinal));
            Assert.Contains($"\"records\":{api.Items.Count}", System.Text.Encoding.UTF8.GetString(manifest.Value));
            Assert.DoesNotContain("9999-12-31", System.Text.Encoding.UTF8.GetString(store.Objects.Single(o => o.Key.EndsWith("things.json", StringComparison.Ordinal)).Value));
            return;
        }
        Assert.Contains(fault switch
        {
            ApiFault.NoItems => "not a page",
            ApiFault.BrokenLink => "not an http(s) URL",
            // A cursor API that answers its first page whatever the cursor links back to it: a loop too.
            ApiFault.LoopingCursor or ApiFault.IgnoresOffset when nextLinks => "cursor loops",
            _ => "ignores the offset",
        }, failure.Message);
        Assert.Equal(api.Items.Take(written.Count).Select(Convert.ToHexString), written.Select(Convert.ToHexString));
    }

    /// <summary>The lines of a gzip part as bytes, undecoded.</summary>
    private static IEnumerable<byte[]> GunzipLines(byte[] content)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(content), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        var bytes = plain.ToArray();
        var lines = new List<byte[]>();
        for (int start = 0, end; start < bytes.Length; start = end + 1)
        {
            end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end;
            lines.Add(bytes[start..end]);
        }
        return lines;
    }
}
