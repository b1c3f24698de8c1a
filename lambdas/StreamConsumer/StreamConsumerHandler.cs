using System.Text.Json;
using Lambda.Events;

namespace StreamConsumer;

/// <summary>
/// Consumes a Kinesis batch of web sessions: validates each record, enriches it, routes it
/// to the USA or international prefix of bronze as gzip NDJSON, and quarantines malformed
/// records with the reason (they are never retried). If a write fails, the whole batch is
/// reported from its first record: Lambda retries from there, rewriting the same keys, so
/// nothing is lost and nothing is duplicated.
/// </summary>
public sealed class StreamConsumerHandler(IObjectStore store, StreamConsumerOptions options)
{
    public const string NdjsonGzipContentType = "application/x-ndjson";
    private const string UnknownShard = "shard";

    public async Task<ConsumerOutcome> HandleAsync(KinesisEvent batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var records = batch.Records;
        if (records.Count == 0)
        {
            return new ConsumerOutcome(new StreamsEventResponse(), 0, 0, 0, 0, null);
        }
        var first = records[0];
        var shard = first.ShardId.Length > 0 ? first.ShardId : UnknownShard;
        var firstSequence = first.Kinesis.SequenceNumber;
        var arrival = Arrival(first.Kinesis);

        var routes = new SortedDictionary<string, GzipNdjson>(StringComparer.Ordinal);
        using var quarantine = new GzipNdjson();
        try
        {
            foreach (var record in records)
            {
                var parsed = SessionParser.Parse(record.Kinesis.Data);
                if (parsed.Session is { } session)
                {
                    var route = SessionEnrichment.Route(session);
                    if (!routes.TryGetValue(route, out var file))
                    {
                        routes[route] = file = new GzipNdjson();
                    }
                    file.Line(json => WriteEnriched(json, session, route, record, shard));
                }
                else
                {
                    quarantine.Line(json => WriteQuarantined(json, parsed.Reason!, record, shard));
                }
            }

            var objects = routes.Select(route => (
                    Key: BronzeKeys.Output(options.OutputPrefix, route.Key, shard, firstSequence, arrival),
                    Lines: route.Value.Lines,
                    Content: route.Value.ToArray()))
                .ToList();
            if (quarantine.Lines > 0)
            {
                objects.Add((BronzeKeys.Quarantine(options.QuarantinePrefix, shard, firstSequence, arrival), quarantine.Lines, quarantine.ToArray()));
            }
            try
            {
                foreach (var (key, _, content) in objects)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await store.PutAsync(options.Bucket, key, content, NdjsonGzipContentType, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new ConsumerOutcome(
                    new StreamsEventResponse { BatchItemFailures = [new BatchItemFailure(firstSequence)] },
                    records.Count, 0, 0, records.Count, $"{e.GetType().Name}: {e.Message}");
            }
            var written = routes.Values.Sum(file => file.Lines);
            return new ConsumerOutcome(new StreamsEventResponse(), records.Count, written, quarantine.Lines, 0, null);
        }
        finally
        {
            foreach (var file in routes.Values)
            {
                file.Dispose();
            }
        }
    }

    private static DateTimeOffset Arrival(KinesisRecord record) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(record.ApproximateArrivalTimestamp * 1000));

    private static void WriteEnriched(Utf8JsonWriter json, SessionRecord session, string route, KinesisEventRecord record, string shard)
    {
        json.WriteStartObject();
        json.WriteString("session_id", session.SessionId);
        json.WriteNumber("customer_number", session.CustomerNumber);
        json.WriteString("city", session.City);
        json.WriteString("country", session.Country);
        json.WriteNumber("credit_limit", session.CreditLimit);
        json.WriteStartArray("browse_history");
        foreach (var item in session.BrowseHistory)
        {
            json.WriteStartObject();
            json.WriteString("product_code", item.ProductCode);
            json.WriteNumber("quantity", item.Quantity);
            json.WriteBoolean("in_shopping_cart", item.InShoppingCart);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("overall_product_quantity", SessionEnrichment.OverallQuantity(session));
        json.WriteNumber("overall_in_shopping_cart_item", SessionEnrichment.ItemsInCart(session));
        json.WriteString("route", route);
        WriteSource(json, record, shard);
        json.WriteEndObject();
    }

    private static void WriteQuarantined(Utf8JsonWriter json, string reason, KinesisEventRecord record, string shard)
    {
        json.WriteStartObject();
        json.WriteString("reason", reason);
        json.WriteString("data", record.Kinesis.Data);
        json.WriteString("partition_key", record.Kinesis.PartitionKey);
        WriteSource(json, record, shard);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, KinesisEventRecord record, string shard)
    {
        json.WriteString("_shard_id", shard);
        json.WriteString("_sequence_number", record.Kinesis.SequenceNumber);
        json.WriteNumber("_approximate_arrival_timestamp", record.Kinesis.ApproximateArrivalTimestamp);
    }
}
