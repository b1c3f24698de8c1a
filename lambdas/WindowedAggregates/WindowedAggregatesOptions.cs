using Pipelines.Declarations.Functions;

namespace WindowedAggregates;

public sealed record WindowedAggregatesOptions(string Bucket, string OutputPrefix, string QuarantineBucket, string QuarantinePrefix)
{
    public static WindowedAggregatesOptions From(Func<string, string?> environment)
    {
        string Required(string name) => environment(name) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"environment variable {name} is not set");
        return new(
            Required(WindowedAggregatesContract.BucketVariable),
            (environment(WindowedAggregatesContract.OutputPrefixVariable) is { Length: > 0 } output ? output : WindowedAggregatesContract.DefaultOutputPrefix).Trim('/'),
            Required(WindowedAggregatesContract.QuarantineBucketVariable),
            (environment(WindowedAggregatesContract.QuarantinePrefixVariable) is { Length: > 0 } quarantine ? quarantine : WindowedAggregatesContract.DefaultQuarantinePrefix).Trim('/'));
    }
}
