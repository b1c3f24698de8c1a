namespace Infra.Platform.Components.Ingestion;

/// <summary>The scheduled REST API ingestion of a stack.</summary>
public sealed record RestApiIngestionSettings
{
    /// <summary>An EventBridge Scheduler expression.</summary>
    public string Schedule { get; init; } = "rate(1 hour)";

    /// <summary>1 keeps runs from overlapping; null where the account cannot reserve (new accounts), the schedule then keeps them apart.</summary>
    public int? ReservedConcurrency { get; init; } = 1;

    public int TimeoutSeconds { get; init; } = 300;
}
