using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>Payments: the customer at index / 3 pays three times over the history; check numbers are unique per customer.</summary>
public sealed class Payments(GeneratorSettings settings, Customers customers) : DatasetGenerator(settings)
{
    private const int PerCustomer = 3;

    public override SourceDataset Source => SalesSource.Payments;

    public override long BaseRows => customers.BaseRows * PerCustomer;

    protected override IReadOnlyList<BadRowKind> BadKinds => [BadRowKind.OutOfRange];

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var letters = $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
        return [Customers.NumberOf(index / PerCustomer), $"{letters}{random.Between(10000, 99999)}{index % PerCustomer}",
            GeneratorSettings.SalesEpoch.AddDays(random.Between(0, 880)), random.Money(1000m, 120000m)];
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        row[3] = -(decimal)row[3]!;
        return "amount";
    }
}
