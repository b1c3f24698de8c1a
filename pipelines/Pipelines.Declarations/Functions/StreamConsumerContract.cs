namespace Pipelines.Declarations.Functions;

/// <summary>The stream consumer: Kinesis web sessions → enriched, routed gzip NDJSON in bronze.</summary>
public static class StreamConsumerContract
{
    public static readonly FunctionContract Function = new("stream-consumer", "StreamConsumer");

    /// <summary>The bucket the consumer writes to.</summary>
    public const string BucketVariable = BronzeVariables.Bucket;

    /// <summary>Prefix of the routed output objects.</summary>
    public const string OutputPrefixVariable = BronzeVariables.OutputPrefix;

    /// <summary>Prefix of the quarantined records.</summary>
    public const string QuarantinePrefixVariable = "QUARANTINE_PREFIX";

    public const string DefaultOutputPrefix = "sessions";
    public const string DefaultQuarantinePrefix = "quarantine/sessions";
}
