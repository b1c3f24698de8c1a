namespace StreamConsumer;

/// <summary>Where the consumer writes; read from the function's environment.</summary>
public sealed record StreamConsumerOptions
{
    public const string BucketVariable = "BRONZE_BUCKET";
    public const string OutputPrefixVariable = "OUTPUT_PREFIX";
    public const string QuarantinePrefixVariable = "QUARANTINE_PREFIX";
    public const string DefaultOutputPrefix = "sessions";
    public const string DefaultQuarantinePrefix = "quarantine/sessions";

    public required string Bucket { get; init; }
    public string OutputPrefix { get; init; } = DefaultOutputPrefix;
    public string QuarantinePrefix { get; init; } = DefaultQuarantinePrefix;

    public static StreamConsumerOptions From(Func<string, string?> environment)
    {
        var bucket = environment(BucketVariable);
        if (string.IsNullOrWhiteSpace(bucket))
        {
            throw new InvalidOperationException($"{BucketVariable} is not set: name the bronze bucket the consumer writes to");
        }
        return new StreamConsumerOptions
        {
            Bucket = bucket,
            OutputPrefix = Prefix(environment(OutputPrefixVariable), DefaultOutputPrefix),
            QuarantinePrefix = Prefix(environment(QuarantinePrefixVariable), DefaultQuarantinePrefix),
        };
    }

    private static string Prefix(string? value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim('/');
}
