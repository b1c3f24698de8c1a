using Pipelines.Declarations.Functions;

namespace StreamConsumer;

/// <summary>Where the consumer writes; read from the function's environment by the names of its contract.</summary>
public sealed record StreamConsumerOptions
{
    public required string Bucket { get; init; }
    public string OutputPrefix { get; init; } = StreamConsumerContract.DefaultOutputPrefix;
    public string QuarantinePrefix { get; init; } = StreamConsumerContract.DefaultQuarantinePrefix;

    public static StreamConsumerOptions From(Func<string, string?> environment)
    {
        var bucket = environment(StreamConsumerContract.BucketVariable);
        if (string.IsNullOrWhiteSpace(bucket))
        {
            throw new InvalidOperationException($"{StreamConsumerContract.BucketVariable} is not set: name the bronze bucket the consumer writes to");
        }
        return new StreamConsumerOptions
        {
            Bucket = bucket,
            OutputPrefix = Prefix(environment(StreamConsumerContract.OutputPrefixVariable), StreamConsumerContract.DefaultOutputPrefix),
            QuarantinePrefix = Prefix(environment(StreamConsumerContract.QuarantinePrefixVariable), StreamConsumerContract.DefaultQuarantinePrefix),
        };
    }

    private static string Prefix(string? value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim('/');
}
