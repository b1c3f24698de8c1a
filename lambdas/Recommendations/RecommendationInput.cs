using System.Buffers;
using System.Text.Json;
using Lambda.Sessions;

namespace Recommendations;

/// <summary>
/// What the recommender reads for one session: who browsed (customer, place, credit limit), what went
/// into the cart and what was only looked at, as one JSON line.
/// </summary>
public static class RecommendationInput
{
    public static byte[] Line(SessionRecord session)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // The recommender reads JSON, not HTML: escaping '<' or '&' as \u003C would only grow the line (and Firehose's response, capped at 6 MB).
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            SessionJson.WriteWho(json, session);
            json.WriteNumber("overall_quantity", SessionEnrichment.OverallQuantity(session));
            WriteItems(json, "in_cart", session.BrowseHistory.Where(item => item.InShoppingCart));
            WriteItems(json, "browsed", session.BrowseHistory.Where(item => !item.InShoppingCart));
            json.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteItems(Utf8JsonWriter json, string name, IEnumerable<BrowseItem> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("product_code", item.ProductCode);
            json.WriteNumber("quantity", item.Quantity);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
