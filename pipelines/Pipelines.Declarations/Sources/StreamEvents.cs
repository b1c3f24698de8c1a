using Pipelines.Declarations.Schema;

namespace Pipelines.Declarations.Sources;

/// <summary>What the streams carry: web sessions and order events.</summary>
public static class StreamEvents
{
    public static readonly SourceDataset WebSessions = new(new DatasetSchema("web_sessions", "web-session events: customer, place, credit limit and browse history", [
        Column.KeyOf("session_id", DataType.Text),
        Column.Required("event_time", DataType.Timestamp),
        Column.Required("customer_number", DataType.Integer),
        Column.Required("city", DataType.Text),
        Column.Required("country", DataType.Text),
        Column.Required("credit_limit", DataType.Decimal),
        Column.ListOf("browse_history",
            Column.Required("product_code", DataType.Text),
            Column.Required("quantity", DataType.Integer),
            Column.Required("in_shopping_cart", DataType.Boolean)),
    ]));

    public static readonly SourceDataset OrderEvents = new(new DatasetSchema("order_events", "order events: device, product, quantity and total price", [
        Column.KeyOf("order_id", DataType.Text),
        Column.Required("event_time", DataType.Timestamp),
        Column.Required("customer_number", DataType.Integer),
        Column.Required("device_type", DataType.Text),
        Column.Required("product_code", DataType.Text),
        Column.Required("product_line", DataType.Text),
        Column.Required("quantity", DataType.Integer),
        Column.Required("total_price", DataType.Decimal),
    ]));

    public static IReadOnlyList<SourceDataset> All { get; } = [WebSessions, OrderEvents];
}
