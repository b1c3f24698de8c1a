using System.Globalization;

namespace StreamConsumer;

/// <summary>
/// Object keys in bronze. An object holds one route's records of one batch, and its key is
/// derived from the first record of that route in the batch (its shard, sequence number and
/// arrival hour). Lambda only ever retries from the checkpoint forward, in batches of any length
/// (the same, longer, shorter, halves at any depth): whichever batch finally stores a record
/// either starts that route at the same record, overwriting the earlier object, or at a later one
/// whose earlier objects never held it. So every retry overwrites rather than adds.
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
