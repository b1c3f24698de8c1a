namespace Pipelines.Declarations.Functions;

/// <summary>
/// Course 1's Firehose transformation: web sessions → one recommendation-input line per session with
/// browsing, for the S3 prefix the recommender reads. It has no environment: Firehose passes everything.
/// </summary>
public static class RecommendationsContract
{
    public static readonly FunctionContract Function = new("recommendations-transform", "Recommendations");

    /// <summary>Where Firehose delivers the lines, partitioned by arrival hour.</summary>
    public const string OutputPrefix = "recommendations";

    /// <summary>Where Firehose delivers records the function marks ProcessingFailed, by error type and hour.</summary>
    public const string ErrorPrefix = "quarantine/recommendations";

    public const string MetricNamespace = "DataPlatform/Recommendations";
}
