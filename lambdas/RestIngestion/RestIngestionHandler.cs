using Pipelines.Contracts.Functions;
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
            FetchedPage page;
            try
            {
                page = await fetcher.GetAsync(PageUrl(resource, run), resource.WatermarkField, stopBy, cancellationToken).ConfigureAwait(false);
            }
            catch (OutOfTimeException e)
            {
                return new ResourceRun(resource.Name, run.Id, written, run.Records, false, state.Watermark, e.Message);
            }
            if (page.Items.Count > 0)
            {
                var key = _layout.PageKey(resource.Name, run, run.Page + 1);
                await store.PutAsync(options.Bucket, key, Gzip(page.Items), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
                run.Page++;
                run.Records += page.Items.Count;
                run.Pages.Add(new PageEntry(key, page.Items.Count));
                run.MaxWatermark = Newest(run.MaxWatermark, page.Watermarks);
                written++;
            }
            Advance(resource, run, page);
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

    private void Advance(ResourceSetting resource, RunState run, FetchedPage page)
    {
        if (resource.FollowsNextLinks)
        {
            run.Next = page.Next?.AbsoluteUri;
            run.Done = page.Next is null;
            return;
        }
        run.Offset += page.Items.Count;
        run.Done = page.Items.Count < options.PageSize || (page.Total is { } total && run.Offset >= total);
    }

    private static string? Newest(string? current, IReadOnlyList<string?> candidates)
    {
        var newest = current;
        var newestTime = Parse(current);
        foreach (var candidate in candidates)
        {
            if (Parse(candidate) is { } time && (newestTime is null || time > newestTime))
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
