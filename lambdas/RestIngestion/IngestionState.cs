using System.Text.Json.Serialization;

namespace RestIngestion;

/// <summary>
/// A resource's checkpoint, one small JSON object in the bucket: the committed watermark, and the run in
/// progress if any (where it stands and the pages it wrote). Saved after every page, so a crash at any
/// point resumes the same run, rewriting at most the page it was writing, under the same key.
/// </summary>
public sealed class IngestionState
{
    public required string Resource { get; init; }

    /// <summary>The newest watermark value every committed run has read up to; the next run asks for what is newer.</summary>
    public string? Watermark { get; set; }

    public RunState? Run { get; set; }

    /// <summary>Runs committed so far; part of each run's id, so two runs in the same second never share a folder.</summary>
    public long CompletedRuns { get; set; }
}

public sealed class RunState
{
    public required string Id { get; init; }
    public required string IngestDate { get; init; }

    /// <summary>The watermark the run reads after: fixed for the whole run, so a resumed page is the same page.</summary>
    public string? Since { get; init; }

    /// <summary>When the run started (ISO 8601): a watermark later than this is an item's clock error, never taken as the run's newest.</summary>
    public string? Started { get; init; }

    public int Offset { get; set; }
    public string? Next { get; set; }

    /// <summary>The URLs of the pages read so far (next-link paging): a next link to one of them means the API's cursor loops.</summary>
    public List<string> Followed { get; init; } = [];

    /// <summary>A digest of the last page's items: the same items again at a new offset mean the API ignores the offset.</summary>
    public string? LastPageDigest { get; set; }
    public int Page { get; set; }
    public long Records { get; set; }
    public string? MaxWatermark { get; set; }
    public bool Done { get; set; }
    public List<PageEntry> Pages { get; init; } = [];
}

public sealed record PageEntry(string Key, int Records);

/// <summary>What a finished run wrote, beside its pages: downstream reads a run only once its manifest exists.</summary>
public sealed record RunManifest(string Resource, string Run, string? Since, string? Until, long Records, IReadOnlyList<PageEntry> Pages);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IngestionState))]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(RestIngestionRequest))]
[JsonSerializable(typeof(RestIngestionResponse))]
public sealed partial class RestIngestionJson : JsonSerializerContext;
