using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>The seven product lines; reference data, never spoiled.</summary>
public sealed class ProductLines(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override SourceDataset Source => SalesSource.ProductLines;

    public override long BaseRows => Vocabulary.ProductLines.Length;

    protected override IReadOnlyList<BadRowKind> BadKinds => [];

    protected override object?[] Row(long index) => [Vocabulary.ProductLines[index].Name, Vocabulary.ProductLines[index].Description];
}
