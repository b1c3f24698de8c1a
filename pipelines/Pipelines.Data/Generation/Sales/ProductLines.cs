using Pipelines.Data.Schema;

namespace Pipelines.Data.Generation.Sales;

/// <summary>The seven product lines; reference data, never spoiled.</summary>
public sealed class ProductLines(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override DatasetSchema Schema { get; } = new("productlines", "product lines", [
        Column.KeyOf("product_line", DataType.Text),
        Column.Required("text_description", DataType.Text),
    ]);

    public override long BaseRows => Vocabulary.ProductLines.Length;

    public override TableExtraction Extraction => TableExtraction.Full;

    protected override IReadOnlyList<BadRowKind> BadKinds => [];

    protected override object?[] Row(long index) => [Vocabulary.ProductLines[index].Name, Vocabulary.ProductLines[index].Description];
}
