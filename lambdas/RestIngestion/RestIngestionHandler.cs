using Pipelines.Declarations.Functions;
using System.Globalization;
using Lambda.Storage;

namespace RestIngestion;

/// <summary>
/// Ingests each configured resource of a paged API into bronze, incrementally and exactly once:
/// a run reads everything after the committed watermark, writes each page as gzip NDJSON under a
/// key fixed by (resource, ingest date, run, page), checkpoints after each page, and on reaching the
/// end writes the run's manifest and then commits the new watermark. Any crash resumes the same run.
/// </summary>
public sealed class RestIngestionHandler(IObjectStore store, PageFetcher fetcher, RestIngestionOptions options, TimeProvider clock)
{
    private readonly BronzeLayout _layout = new(options.OutputPrefix, options.StatePrefix);

    public async Task<RestIngestionResponse> HandleAsync(RestIngestionRequest request, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var resources = Select(request);
        var stopBy = deadline - options.SafetyMargin;
        var runs = new List<ResourceRun>();
        foreach (var resource in resources)
        {
            runs.Add(await IngestAsync(resource, stopBy, cancellationToken).ConfigureAwait(false));
        }
        return new RestIngestionResponse(runs.All(run => run.Complete), runs);
    }

    private IReadOnlyList<ResourceSetting> Select(RestIngestionRequest request)
    {
        if (request.Resources is not { Count: > 0 } names)
        {
            return options.Resources;
        }
        return [.. names.Select(name => options.Resources.FirstOrDefault(resource => resource.Name == name)
            ?? throw new ArgumentException($"resource '{name}' is not configured: configured are {string.Join(", ", options.Resources.Select(r => r.Name))}"))];
    }

    private async Task<ResourceRun> IngestAsync(ResourceSetting resource, DateTimeOffset stopBy, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(resource.Name, cancellationToken).ConfigureAwait(false);
        if (state.Run is null)
        {
            var now = clock.GetUtcNow();
            state.Run = new RunState
            {
                Id = RunNames.Id(now, state.CompletedRuns),
                IngestDate = RunNames.IngestDate(now),
                Since = state.Watermark,
                Started = now.ToString("O", CultureInfo.InvariantCulture),
            };
            await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        }
        var run = state.Run;
        var written = 0;
        while (!run.Done)
        {
            if (clock.GetUtcNow() + options.RequestTimeout > stopBy)
            {
                return new ResourceRun(resource.Name, run.Id, written, run.Records, false, state.Watermark, "the invocation's time is nearly up; the next run resumes here");
            }
            var url = PageUrl(resource, run);
            FetchedPage page;
            try
            {
                page = await fetcher.GetAsync(url, resource.WatermarkField, stopBy, cancellationToken).ConfigureAwait(false);
            }
            catch (OutOfTimeException e)
            {
                return new ResourceRun(resource.Name, run.Id, written, run.Records, false, state.Watermark, e.Message);
            }
            // Offset paging only: the same items again at a new offset mean the API ignores the offset.
            var digest = resource.FollowsNextLinks || page.Items.Count == 0 ? null : Digest(page);
            Refuse(resource, run, page, url, digest);
            if (page.Items.Count > 0)
            {
                var key = _layout.PageKey(resource.Name, run, run.Page + 1);
                await store.PutAsync(options.Bucket, key, Gzip(page.Items), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
                run.Page++;
                run.Records += page.Items.Count;
                run.Pages.Add(new PageEntry(key, page.Items.Count));
                run.MaxWatermark = Newest(run.MaxWatermark, page.Watermarks, Parse(run.Started));
                written++;
            }
            Advance(resource, run, page, url, digest);
            await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        }
        var manifest = new RunManifest(resource.Name, run.Id, run.Since, run.MaxWatermark ?? run.Since, run.Records, run.Pages);
        var manifestKey = _layout.ManifestKey(resource.Name, run);
        await JsonObjects.PutAsync(store, options.Bucket, manifestKey, manifest, RestIngestionJson.Default.RunManifest, cancellationToken).ConfigureAwait(false);
        state.Watermark = run.MaxWatermark ?? state.Watermark;
        state.Run = null;
        state.CompletedRuns++;
        await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        return new ResourceRun(resource.Name, run.Id, written, run.Records, true, state.Watermark, null, manifestKey);
    }

    private Uri PageUrl(ResourceSetting resource, RunState run)
    {
        if (resource.FollowsNextLinks && run.Next is { } next)
        {
            var link = new Uri(next);
            // The token goes wherever the link points: only ever to the configured API.
            return Uri.Compare(link, options.BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                ? link
                : throw new ApiRefusedException($"{resource.Name}: the next link {link.GetLeftPart(UriPartial.Authority)} is not the API's {options.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        }
        var query = $"limit={options.PageSize}";
        if (!resource.FollowsNextLinks)
        {
            query += $"&offset={run.Offset}";
        }
        if (run.Since is { } since)
        {
            query += $"&updated_since={Uri.EscapeDataString(since)}";
        }
        return new Uri(options.BaseUrl, $"v1/{resource.Name}?{query}");
    }

    /// <summary>
    /// Refuses, before anything of the page is written, a page that would never let the run end or would store items
    /// twice: a next link already followed (the cursor loops), or the same items as the page before at a new offset.
    /// </summary>
    private static void Refuse(ResourceSetting resource, RunState run, FetchedPage page, Uri url, string? digest)
    {
        if (resource.FollowsNextLinks)
        {
            if (page.Next is { } next && (run.Followed.Contains(next.AbsoluteUri) || next.AbsoluteUri == url.AbsoluteUri))
            {
                throw new ApiRefusedException($"{resource.Name}: page {run.Page + 1} links to {next.AbsoluteUri}, which the run has already read: the API's cursor loops");
            }
            return;
        }
        if (digest is not null && run.Offset > 0 && digest == run.LastPageDigest)
        {
            throw new ApiRefusedException($"{resource.Name}: offset {run.Offset} answered the same {page.Items.Count} items as the page before: the API ignores the offset");
        }
    }

    private static string Digest(FetchedPage page)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var item in page.Items)
        {
            hash.AppendData(item);
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private void Advance(ResourceSetting resource, RunState run, FetchedPage page, Uri url, string? digest)
    {
        if (resource.FollowsNextLinks)
        {
            run.Followed.Add(url.AbsoluteUri);
            run.Next = page.Next?.AbsoluteUri;
            run.Done = page.Next is null;
            return;
        }
        run.Offset += page.Items.Count;
        run.LastPageDigest = digest ?? run.LastPageDigest;
        run.Done = page.Items.Count < options.PageSize || (page.Total is { } total && run.Offset >= total);
    }

    /// <summary>The newest of the candidates, ignoring any later than <paramref name="notAfter"/>: taking one would make later runs skip what arrives before it.</summary>
    private static string? Newest(string? current, IReadOnlyList<string?> candidates, DateTimeOffset? notAfter)
    {
        var newest = current;
        var newestTime = Parse(current);
        foreach (var candidate in candidates)
        {
            if (Parse(candidate) is { } time && (newestTime is null || time > newestTime) && (notAfter is null || time <= notAfter))
            {
                newest = candidate;
                newestTime = time;
            }
        }
        return newest;
    }

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static byte[] Gzip(IReadOnlyList<byte[]> items)
    {
        using var ndjson = new GzipNdjson();
        foreach (var item in items)
        {
            ndjson.Line(item);
        }
        return ndjson.ToArray();
    }

    private async Task<IngestionState> LoadAsync(string resource, CancellationToken cancellationToken) =>
        await JsonObjects.GetAsync(store, options.Bucket, _layout.StateKey(resource), RestIngestionJson.Default.IngestionState, cancellationToken).ConfigureAwait(false)
        ?? new IngestionState { Resource = resource };

    private Task SaveAsync(IngestionState state, CancellationToken cancellationToken) =>
        JsonObjects.PutAsync(store, options.Bucket, _layout.StateKey(state.Resource), state, RestIngestionJson.Default.IngestionState, cancellationToken);
}
