using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>Scale models for sale; codes follow the sample's form (S18_1000).</summary>
public sealed class Products(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override SourceDataset Source => SalesSource.Products;

    public override long BaseRows => Settings.Rows(110, minimum: 10);

    protected override IReadOnlyList<BadRowKind> BadKinds => [BadRowKind.MissingRequired, BadRowKind.OutOfRange];

    /// <summary>The product's code alone: the first draw of its row, without building the rest.</summary>
    public string CodeOf(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        return Code(index, random.Pick(Vocabulary.ProductScales));
    }

    /// <summary>Positions in a product row of what other datasets copy.</summary>
    public const int CodeColumn = 0, LineColumn = 2, PriceColumn = 8;

    private static string Code(long index, string scale) => $"S{scale[2..]}_{1000 + index}";

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var scale = random.Pick(Vocabulary.ProductScales);
        var line = random.Pick(Vocabulary.ProductLines).Name;
        var year = random.Between(1911, 2004);
        var noun = random.Pick(Vocabulary.ProductNouns);
        var buy = random.Money(15m, 100m);
        var msrp = Math.Round(buy * (1.3m + random.Next(90) / 100m), 2);
        return [Code(index, scale), $"{year} {random.Pick(Vocabulary.CompanyWords)} {noun}", line, scale, random.Pick(Vocabulary.ProductVendors),
            $"A {scale} replica of the {year} {noun}.", (long)random.Between(0, 9999), buy, msrp,
            GeneratorSettings.SalesEpoch.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(index)];
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        if (kind == BadRowKind.MissingRequired)
        {
            row[2] = null;
            return "product_line";
        }
        row[7] = -(decimal)row[7]!;
        return "buy_price";
    }
}
