namespace RestIngestion;

/// <summary>The invocation event: which resources to ingest (all configured ones when empty).</summary>
public sealed class RestIngestionRequest
{
    public List<string>? Resources { get; init; }
}

/// <summary>What one invocation did; <see cref="Complete"/> is false when a resource stopped at its checkpoint for time.</summary>
public sealed record RestIngestionResponse(bool Complete, IReadOnlyList<ResourceRun> Runs);

/// <param name="Manifest">The run's manifest key in the bucket once the run is complete (what the silver transform reads); null before.</param>
public sealed record ResourceRun(string Resource, string Run, int PagesWritten, long RunRecords, bool Complete, string? Watermark, string? StoppedBecause, string? Manifest = null);
