using Pipelines.Data.Schema;

namespace Pipelines.Data.Generation.Sales;

/// <summary>Orders spread evenly over the sales history, each with one to seventeen lines (see <see cref="OrderDetails"/>).</summary>
public sealed class Orders(GeneratorSettings settings, Customers customers) : DatasetGenerator(settings)
{
    private const int HistoryDays = 880;

    public override DatasetSchema Schema { get; } = new("orders", "orders and their status", [
        Column.KeyOf("order_number", DataType.Integer),
        Column.Required("order_date", DataType.Date),
        Column.Required("required_date", DataType.Date),
        Column.Optional("shipped_date", DataType.Date),
        Column.Required("status", DataType.Text),
        Column.Optional("comments", DataType.Text),
        Column.Required("customer_number", DataType.Integer),
        Column.Required("updated_at", DataType.Timestamp),
    ]);

    public override long BaseRows => Settings.Rows(326, minimum: 10);

    public override TableExtraction Extraction => TableExtraction.Incremental("updated_at");

    protected override IReadOnlyList<BadRowKind> BadKinds => [BadRowKind.MissingRequired];

    public static long NumberOf(long index) => 10100 + index;

    public int LinesOf(long index) => new RowRandom(Settings.Seed, "orders/lines", index).Between(1, 17);

    public DateOnly DateOf(long index) => GeneratorSettings.SalesEpoch.AddDays((int)(index * HistoryDays / BaseRows));

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var date = DateOf(index);
        var status = random.Pick(Vocabulary.OrderStatuses);
        DateOnly? shipped = status is "In Process" or "On Hold" ? null : date.AddDays(random.Between(1, 5));
        var customer = Customers.NumberOf((long)(random.NextULong() % (ulong)customers.BaseRows));
        return [NumberOf(index), date, date.AddDays(random.Between(7, 10)), shipped, status,
            status == "Shipped" ? null : $"Customer asked about the order: {status.ToLowerInvariant()}.", customer,
            (shipped ?? date).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc).AddMinutes(index % 60)];
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        row[6] = null;
        return "customer_number";
    }
}
