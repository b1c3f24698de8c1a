namespace Infra.Platform.Components.Catalog;

/// <summary>Where the incremental (merge) gold models' Iceberg tables live.</summary>
public enum GoldTableFormat
{
    /// <summary>Iceberg tables in the gold bucket, declared in the Glue catalog (format version 2); compaction and snapshot expiry are the operator's (Athena OPTIMIZE / VACUUM).</summary>
    GlueIceberg,

    /// <summary>S3 Tables: AWS-managed Iceberg in a table bucket, compacted and expired by the service, queried through the Glue catalog integration.</summary>
    S3Tables,
}
