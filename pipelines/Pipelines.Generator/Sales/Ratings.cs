using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>
/// Customers' product ratings (1–5), each (customer, product) pair at most once; a duplicate is the
/// same pair rated again later with a new id, so "latest wins" has something to decide.
/// </summary>
public sealed class Ratings(GeneratorSettings settings, Customers customers, Products products) : DatasetGenerator(settings)
{
    public override SourceDataset Source => SalesSource.Ratings;

    public override long BaseRows => Math.Min(Settings.Rows(1000), customers.BaseRows * products.BaseRows);

    protected override IReadOnlyList<BadRowKind> BadKinds => [BadRowKind.OutOfRange, BadRowKind.Duplicate, BadRowKind.MissingRequired];

    protected override string DuplicateColumn => "customer_number,product_code";

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var customer = index % customers.BaseRows;
        // Distinct pairs: the n-th rating of a customer goes to a different product for n < products.
        var product = (index / customers.BaseRows + customer * 7) % products.BaseRows;
        return [index + 1, Customers.NumberOf(customer), products.CodeOf(product), (long)random.Between(1, 5),
            GeneratorSettings.EventEpoch.AddDays(-365).AddMinutes(index * 7)];
    }

    protected override object?[] Duplicate(object?[] row, ref RowRandom random)
    {
        var again = (object?[])row.Clone();
        again[0] = BaseRows + (long)row[0]!;
        again[3] = (long)random.Between(1, 5);
        again[4] = ((DateTime)row[4]!).AddDays(random.Between(1, 30));
        return again;
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        if (kind == BadRowKind.MissingRequired)
        {
            row[2] = null;
            return "product_code";
        }
        row[3] = random.Chance(0.5) ? 0L : 6L;
        return "rating";
    }
}
