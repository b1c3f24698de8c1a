using Lambda.Sessions;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Lambda.Events;

namespace StreamConsumer;

/// <summary>
/// Encodes one record as one NDJSON line: the enriched session, or the quarantine entry with its
/// reason. A record is encoded whole before it joins an object, so a record that fails halfway
/// (a lone surrogate, an overflowing sum, missing data) never leaves half a line behind.
/// </summary>
public sealed class SessionLines
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public SessionLines() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>The enriched line and its route, or the reason the record is rejected.</summary>
    public (ReadOnlyMemory<byte> Line, string Route)? Enriched(KinesisEventRecord record, string shard, out string? rejection)
    {
        rejection = null;
        try
        {
            var parsed = SessionParser.Parse(record.Kinesis.Data);
            if (parsed.Session is not { } session)
            {
                rejection = parsed.Reason;
                return null;
            }
            var route = SessionEnrichment.Route(session);
            Start();
            WriteEnriched(session, route, record, shard);
            return (Finish(), route);
        }
        catch (OverflowException)
        {
            rejection = "'browse_history' quantities add up beyond a 64-bit integer";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            rejection = $"{e.GetType().Name}: {e.Message}";
        }
        return null;
    }

    /// <summary>The quarantine line; text that cannot be written as JSON (lone surrogates) is replaced, never dropped.</summary>
    public ReadOnlyMemory<byte> Quarantined(KinesisEventRecord record, string reason, string shard)
    {
        Start();
        _json.WriteStartObject();
        _json.WriteString("reason", Clean(reason));
        _json.WriteString("data", Clean(record.Kinesis.Data));
        _json.WriteString("partition_key", Clean(record.Kinesis.PartitionKey));
        WriteSource(record, shard);
        _json.WriteEndObject();
        return Finish();
    }

    private void Start()
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
    }

    private ReadOnlyMemory<byte> Finish()
    {
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    private void WriteEnriched(SessionRecord session, string route, KinesisEventRecord record, string shard)
    {
        var overall = SessionEnrichment.OverallQuantity(session);
        _json.WriteStartObject();
        SessionJson.WriteWho(_json, session);
        _json.WriteStartArray("browse_history");
        foreach (var item in session.BrowseHistory)
        {
            _json.WriteStartObject();
            _json.WriteString("product_code", item.ProductCode);
            _json.WriteNumber("quantity", item.Quantity);
            _json.WriteBoolean("in_shopping_cart", item.InShoppingCart);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteNumber("overall_product_quantity", overall);
        _json.WriteNumber("overall_in_shopping_cart_item", SessionEnrichment.ItemsInCart(session));
        _json.WriteString("route", route);
        WriteSource(record, shard);
        _json.WriteEndObject();
    }

    private void WriteSource(KinesisEventRecord record, string shard)
    {
        _json.WriteString("_shard_id", Clean(shard));
        _json.WriteString("_sequence_number", Clean(record.Kinesis.SequenceNumber));
        _json.WriteNumber("_approximate_arrival_timestamp", double.IsFinite(record.Kinesis.ApproximateArrivalTimestamp) ? record.Kinesis.ApproximateArrivalTimestamp : 0);
    }

    /// <summary>Replaces unpaired surrogates with U+FFFD so the text can be encoded as UTF-8.</summary>
    private static string? Clean(string? text)
    {
        return text is null || IsWellFormed(text) ? text : Replace(text);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static string Replace(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }
        return builder.ToString();
    }
}
