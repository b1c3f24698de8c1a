using Infra.Model.Values;

namespace Infra.Platform.Components.Storage;

/// <summary>Inputs of the medallion lakehouse storage. Every default is a named constant of <see cref="LakehouseStorage"/>.</summary>
public sealed record LakehouseStorageOptions
{
    /// <summary>Start of every bucket name, e.g. <c>dataplatform-dev</c>; the zone and account id follow.</summary>
    public required string NamePrefix { get; init; }

    public required Reference AccountId { get; init; }

    /// <summary>The key that encrypts every data bucket (SSE-KMS with a bucket key).</summary>
    public required Reference KmsKeyArn { get; init; }

    public required bool RetainData { get; init; }

    public required int NoncurrentVersionDays { get; init; }

    public required int AccessLogRetentionDays { get; init; }

    public int BronzeInfrequentAccessDays { get; init; } = LakehouseStorage.DefaultBronzeInfrequentAccessDays;

    public int BronzeArchiveDays { get; init; } = LakehouseStorage.DefaultBronzeArchiveDays;

    public int AthenaResultsExpirationDays { get; init; } = LakehouseStorage.DefaultAthenaResultsExpirationDays;
}
