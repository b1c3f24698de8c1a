using System.Text.Json.Serialization;

namespace DbExtract;

/// <summary>
/// A table's checkpoint: its columns as first extracted, the committed watermark, and the run in progress
/// (its bounds, fixed at start, and the key position after the last part written). Saved after every part.
/// </summary>
public sealed class ExtractState
{
    public required string Table { get; init; }
    public List<SourceColumn>? Columns { get; set; }
    public TypedValue? Watermark { get; set; }
    public ExtractRun? Run { get; set; }
    public long CompletedRuns { get; set; }
}

public sealed class ExtractRun
{
    public required string Id { get; init; }
    public required string IngestDate { get; init; }
    public TypedValue? Since { get; init; }

    /// <summary>The newest watermark when the run began; rows arriving later wait for the next run, so a resumed run reads the same rows.</summary>
    public TypedValue? Until { get; init; }

    /// <summary>The ordering columns' values of the last row written: the run continues after them.</summary>
    public List<TypedValue>? ResumeAfter { get; set; }

    /// <summary>Every row of the run is in a part: a resumed run goes straight to its manifest.</summary>
    public bool Done { get; set; }

    public int Part { get; set; }
    public long Rows { get; set; }
    public long Quarantined { get; set; }
    public List<string> AddedColumns { get; init; } = [];
    public List<PartEntry> Parts { get; init; } = [];
}

/// <param name="Quarantined">Rows read for this part that could not be written as they are: in the <paramref name="QuarantineKey"/> object with their key and reason.</param>
public sealed record PartEntry(string Key, long Rows, long Quarantined = 0, string? QuarantineKey = null);

/// <param name="Rows">Rows written to the parts; rows read = <paramref name="Rows"/> + <paramref name="Quarantined"/>.</param>
public sealed record ExtractManifest(string Table, string Run, string Mode, TypedValue? Since, TypedValue? Until, long Rows,
    IReadOnlyList<SourceColumn> Columns, IReadOnlyList<string> AddedColumns, IReadOnlyList<PartEntry> Parts, long Quarantined = 0);

/// <summary>The invocation event: which tables (all configured ones when empty).</summary>
public sealed class DbExtractRequest
{
    public List<string>? Tables { get; init; }
}

public sealed record DbExtractResponse(bool Complete, IReadOnlyList<TableRun> Runs);

/// <param name="Manifest">The run's manifest key in the bucket once the run is complete (what the silver transform reads); null before.</param>
/// <param name="Quarantined">Rows of the run so far that went to the quarantine (see <see cref="PartEntry"/>).</param>
public sealed record TableRun(string Table, string Run, int PartsWritten, long RunRows, bool Complete, IReadOnlyList<string> AddedColumns, string? Manifest = null, long Quarantined = 0);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ExtractState))]
[JsonSerializable(typeof(ExtractManifest))]
[JsonSerializable(typeof(DbExtractRequest))]
[JsonSerializable(typeof(DbExtractResponse))]
[JsonSerializable(typeof(GrantReaderRequest))]
[JsonSerializable(typeof(GrantReaderResponse))]
public sealed partial class DbExtractJson : JsonSerializerContext;
