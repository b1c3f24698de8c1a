using Pipelines.Declarations.Sources;
using Pipelines.Generator.Sales;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Events;

/// <summary>Order events for the streaming aggregates: one product per event, total = quantity × MSRP.</summary>
public sealed class OrderEvents(GeneratorSettings settings, Customers customers, Products products) : DatasetGenerator(settings)
{
    public override SourceDataset Source => StreamEvents.OrderEvents;

    public override long BaseRows => Settings.Rows(1000);

    protected override IReadOnlyList<BadRowKind> BadKinds => EventSpoiling.Kinds;

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var productRow = products.Clean((long)(random.NextULong() % (ulong)products.BaseRows));
        var quantity = random.Between(1, 20);
        return [random.Uuid(), GeneratorSettings.EventEpoch.AddSeconds(index * 23), Customers.NumberOf((long)(random.NextULong() % (ulong)customers.BaseRows)),
            random.Pick(Vocabulary.DeviceTypes), productRow[Products.CodeColumn], productRow[Products.LineColumn], (long)quantity, quantity * (decimal)productRow[Products.PriceColumn]!];
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        switch (kind)
        {
            case BadRowKind.MissingRequired:
                row[4] = null;
                return "product_code";
            case BadRowKind.Late:
                EventSpoiling.MakeLate(row, 1, ref random);
                return "event_time";
            default:
                row[6] = -(long)row[6]!;
                row[7] = -(decimal)row[7]!;
                return "quantity";
        }
    }
}
