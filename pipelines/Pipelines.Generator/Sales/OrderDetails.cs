using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>Order lines: distinct products within an order, price near the product's MSRP.</summary>
public sealed class OrderDetails : DatasetGenerator
{
    private readonly Orders _orders;
    private readonly Products _products;
    private readonly Lazy<long[]> _firstLine;

    public OrderDetails(GeneratorSettings settings, Orders orders, Products products) : base(settings)
    {
        _orders = orders;
        _products = products;
        _firstLine = new Lazy<long[]>(() =>
        {
            // Where each order's lines begin: one long per order, so a line's order is found by binary search.
            var starts = new long[orders.BaseRows + 1];
            for (long order = 0; order < orders.BaseRows; order++)
            {
                starts[order + 1] = starts[order] + Math.Min(orders.LinesOf(order), products.BaseRows);
            }
            return starts;
        });
    }

    public override SourceDataset Source => SalesSource.OrderDetails;

    public override long BaseRows => _firstLine.Value[^1];

    protected override IReadOnlyList<BadRowKind> BadKinds => [BadRowKind.OutOfRange, BadRowKind.MissingRequired];

    protected override object?[] Row(long index)
    {
        var starts = _firstLine.Value;
        var found = Array.BinarySearch(starts, index);
        var order = found >= 0 ? found : ~found - 1;
        var line = index - starts[order];
        var orderRandom = new RowRandom(Settings.Seed, "orderdetails/first-product", order);
        var product = (orderRandom.NextULong() % (ulong)_products.BaseRows + (ulong)line) % (ulong)_products.BaseRows;
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var productRow = _products.Clean((long)product);
        var price = Math.Round((decimal)productRow[Products.PriceColumn]! * (0.85m + random.Next(16) / 100m), 2);
        return [Orders.NumberOf(order), productRow[Products.CodeColumn], (long)random.Between(10, 66), price, line + 1];
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        if (kind == BadRowKind.MissingRequired)
        {
            row[3] = null;
            return "price_each";
        }
        row[2] = -(long)row[2]!;
        return "quantity_ordered";
    }
}
