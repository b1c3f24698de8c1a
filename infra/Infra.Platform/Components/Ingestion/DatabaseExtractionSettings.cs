namespace Infra.Platform.Components.Ingestion;

/// <summary>The extraction of the source database of a stack (the pipeline schedules it).</summary>
public sealed record DatabaseExtractionSettings
{
    public int? ReservedConcurrency { get; init; } = 1;
    public int TimeoutSeconds { get; init; } = 900;
    public int MemorySizeMb { get; init; } = 1024;

    /// <summary>
    /// A PEM file of the certificate authorities the database's certificate chains to (RDS's bundle), relative to the
    /// project; set, the functions verify TLS against it. Null: TLS is required but the server is not verified.
    /// </summary>
    public string? CaBundle { get; init; }
}
