namespace Infra.Platform.Components.Ingestion;

/// <summary>The extraction of the source database of a stack (the pipeline schedules it).</summary>
public sealed record DatabaseExtractionSettings
{
    public int? ReservedConcurrency { get; init; } = 1;
    public int TimeoutSeconds { get; init; } = 900;
    public int MemorySizeMb { get; init; } = 1024;
}
