namespace Pipelines.Declarations.Functions;

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

    /// <summary>The CloudWatch namespace of the function's metrics (embedded metric format), by function and dataset.</summary>
    public const string MetricNamespace = "DataPlatform/Silver";

    /// <summary>Rows written to silver by one run: every run emits it, even with zero rows, so its absence means no run.</summary>
    public const string RowsOutMetric = "RowsOut";

    public const string FunctionNameDimension = "FunctionName";
    public const string DatasetDimension = "Dataset";
    public const string DefaultWorkFolder = "/tmp/silver";
}
