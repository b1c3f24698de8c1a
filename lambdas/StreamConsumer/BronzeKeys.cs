using System.Globalization;

namespace StreamConsumer;

/// <summary>
/// Object keys in bronze. A key is derived only from the route, the batch's shard and the
/// sequence number its range starts at (and that record's arrival hour), so a retried batch,
/// which Lambda restarts from the same record, rewrites the same objects instead of adding copies.
/// </summary>
public static class BronzeKeys
{
    public static string Output(string prefix, string route, string shardId, string firstSequence, DateTimeOffset arrival) =>
        $"{prefix}/region={route}/{Partition(arrival)}/{shardId}-{firstSequence}.ndjson.gz";

    public static string Quarantine(string prefix, string shardId, string firstSequence, DateTimeOffset arrival) =>
        $"{prefix}/{Partition(arrival)}/{shardId}-{firstSequence}.ndjson.gz";

    private static string Partition(DateTimeOffset arrival)
    {
        var utc = arrival.ToUniversalTime();
        return string.Create(CultureInfo.InvariantCulture, $"year={utc:yyyy}/month={utc:MM}/day={utc:dd}/hour={utc:HH}");
    }
}
