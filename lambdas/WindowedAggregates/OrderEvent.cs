using System.Globalization;
using System.Text.Json;
using Pipelines.Declarations.Data;

namespace WindowedAggregates;

/// <summary>The fields of an order event the aggregates use.</summary>
public sealed record OrderEvent(string OrderId, string DeviceType, long Quantity, decimal TotalPrice)
{
    /// <summary>Reads a Kinesis payload; a rejection names the field and the rule it broke.</summary>
    public static (OrderEvent? Event, string? Reason) Parse(string base64Data)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64Data);
        }
        catch (FormatException)
        {
            return (null, "data is not valid base64");
        }
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "the event is not a JSON object");
            }
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
            if (Text("order_id") is not { } id)
            {
                return (null, "order_id is missing or empty");
            }
            if (Text("device_type") is not { } device)
            {
                return (null, "device_type is missing or empty");
            }
            if (!root.TryGetProperty("quantity", out var quantity) || quantity.ValueKind != JsonValueKind.Number || !quantity.TryGetInt64(out var count) || count < 1)
            {
                return (null, "quantity must be a whole number of at least 1");
            }
            if (!root.TryGetProperty("total_price", out var total) || !TryDecimal(total, out var price) || price < 0)
            {
                return (null, "total_price must be a number of at least 0");
            }
            if (!DecimalColumns.Holds(price))
            {
                return (null, $"total_price {price.ToString(CultureInfo.InvariantCulture)} does not fit the catalog's {DecimalColumns.Type}");
            }
            return (new OrderEvent(id, device, count, price), null);
        }
        catch (JsonException e)
        {
            return (null, $"data is not JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            return (null, Pipelines.Declarations.Functions.RecordFaults.UnrepresentableString);
        }
    }

    private static bool TryDecimal(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}
