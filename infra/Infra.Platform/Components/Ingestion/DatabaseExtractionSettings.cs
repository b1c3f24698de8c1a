namespace Infra.Platform.Components.Ingestion;

/// <summary>The scheduled extraction of the source database of a stack.</summary>
public sealed record DatabaseExtractionSettings
{
    public string Schedule { get; init; } = "cron(0 2 * * ? *)";
    public int? ReservedConcurrency { get; init; } = 1;
    public int TimeoutSeconds { get; init; } = 900;
    public int MemorySizeMb { get; init; } = 1024;
}
