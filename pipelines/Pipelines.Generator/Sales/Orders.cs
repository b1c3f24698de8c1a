using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>Orders spread evenly over the sales history, each with one to seventeen lines (see <see cref="OrderDetails"/>).</summary>
public sealed class Orders(GeneratorSettings settings, Customers customers) : DatasetGenerator(settings)
{
    private const int HistoryDays = 880;

    public override SourceDataset Source => SalesSource.Orders;

    public override long BaseRows => Settings.Rows(326, minimum: 10);

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
