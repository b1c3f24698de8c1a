namespace Pipelines.Contracts.Functions;

/// <summary>The silver transform function: one bronze run (its manifest) → typed, deduplicated Parquet in silver and a quarantine.</summary>
public static class SilverTransformContract
{
    public static readonly FunctionContract Function = new("silver-transform", "SilverTransform");

    public const string BronzeBucketVariable = BronzeVariables.Bucket;

    /// <summary>The bucket silver Parquet is written to.</summary>
    public const string SilverBucketVariable = "SILVER_BUCKET";

    /// <summary>Prefix (in the bronze bucket) of the rows silver rejects, with their reason.</summary>
    public const string QuarantinePrefixVariable = "QUARANTINE_PREFIX";

    /// <summary>Local scratch space for the batch: bronze copies in, Parquet out.</summary>
    public const string WorkFolderVariable = "WORK_FOLDER";

    public const string DefaultQuarantinePrefix = "quarantine/silver";
    public const string DefaultWorkFolder = "/tmp/silver";
}
