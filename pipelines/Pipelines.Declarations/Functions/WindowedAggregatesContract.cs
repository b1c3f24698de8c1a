namespace Pipelines.Declarations.Functions;

/// <summary>
/// Course 3's streaming queries: order events in Lambda tumbling windows → total sales and orders per
/// device type for each window and shard, one object per window, and malformed events quarantined.
/// </summary>
public static class WindowedAggregatesContract
{
    public static readonly FunctionContract Function = new("windowed-aggregates", "WindowedAggregates");

    /// <summary>The bucket the window results go to (gold: they are ready to query).</summary>
    public const string BucketVariable = "OUTPUT_BUCKET";
    public const string OutputPrefixVariable = "OUTPUT_PREFIX";

    /// <summary>The bronze bucket and prefix malformed events go to, with their reason.</summary>
    public const string QuarantineBucketVariable = "QUARANTINE_BUCKET";
    public const string QuarantinePrefixVariable = "QUARANTINE_PREFIX";

    public const string DefaultOutputPrefix = "stream_aggregates/orders";
    public const string DefaultQuarantinePrefix = "quarantine/order_events";

    /// <summary>The window length the event source mapping uses.</summary>
    public const int DefaultWindowSeconds = 300;
}
