namespace Infra.Platform.Components.Storage;

/// <summary>
/// The lakehouse storage's settings in a stack profile. Every default is a named constant of
/// <see cref="LakehouseStorage"/>; encryption with the stack key, versioning, TLS-only and
/// public access blocks are not settings.
/// </summary>
public sealed record LakehouseStorageSettings
{
    public required int NoncurrentVersionDays { get; init; }

    public required int AccessLogRetentionDays { get; init; }

    public int BronzeInfrequentAccessDays { get; init; } = LakehouseStorage.DefaultBronzeInfrequentAccessDays;

    public int BronzeArchiveDays { get; init; } = LakehouseStorage.DefaultBronzeArchiveDays;

    public int AthenaResultsExpirationDays { get; init; } = LakehouseStorage.DefaultAthenaResultsExpirationDays;
}
