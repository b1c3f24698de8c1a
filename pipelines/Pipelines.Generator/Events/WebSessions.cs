using Pipelines.Declarations.Sources;
using Pipelines.Generator.Sales;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Events;

/// <summary>Web-session events for the recommender: who browsed, from where, and what they looked at or put in the cart.</summary>
public sealed class WebSessions(GeneratorSettings settings, Customers customers, Products products) : DatasetGenerator(settings)
{
    public override SourceDataset Source => StreamEvents.WebSessions;

    public override long BaseRows => Settings.Rows(1000);

    protected override IReadOnlyList<BadRowKind> BadKinds => EventSpoiling.Kinds;

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var customer = customers.Clean((long)(random.NextULong() % (ulong)customers.BaseRows));
        var items = new List<object?[]>();
        for (var i = random.Between(1, 6); i > 0; i--)
        {
            items.Add([products.CodeOf(random.Next((int)Math.Min(products.BaseRows, int.MaxValue))), (long)random.Between(1, 10), random.Chance(0.4)]);
        }
        return [random.Uuid(), GeneratorSettings.EventEpoch.AddSeconds(index * 37), customer[0], customer[7], customer[10], customer[12], items];
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        switch (kind)
        {
            case BadRowKind.MissingRequired:
                row[2] = null;
                return "customer_number";
            case BadRowKind.Late:
                EventSpoiling.MakeLate(row, 1, ref random);
                return "event_time";
            default:
                var first = ((List<object?[]>)row[6]!)[0];
                first[1] = -(long)first[1]!;
                return "browse_history.quantity";
        }
    }
}
