namespace Infra.Platform.Components.Ingestion;

/// <summary>The REST API ingestion of a stack (the pipeline schedules it).</summary>
public sealed record RestApiIngestionSettings
{
    /// <summary>1 keeps runs from overlapping; null where the account cannot reserve (new accounts), the pipeline then keeps them apart.</summary>
    public int? ReservedConcurrency { get; init; } = 1;

    public int TimeoutSeconds { get; init; } = 300;
}
