namespace Infra.Platform.Components.Serving;

/// <summary>The stack's Athena workgroup.</summary>
public sealed record ServingSettings
{
    /// <summary>A query that would scan more is cancelled: the guard against an accidental full scan's bill.</summary>
    public long BytesScannedCutoffPerQuery { get; init; } = 10L * 1024 * 1024 * 1024;
}
