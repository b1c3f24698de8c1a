namespace Infra.Platform.Components.Transform;

/// <summary>The silver transform function's size: DuckDB wants memory for its buffers and /tmp for the batch.</summary>
public sealed record SilverTransformationSettings
{
    public int MemorySizeMb { get; init; } = 2048;
    public int EphemeralStorageMb { get; init; } = 2048;
    public int TimeoutSeconds { get; init; } = 900;
}
