using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>The company's seven offices; reference data, the same at every scale and never spoiled.</summary>
public sealed class Offices(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override SourceDataset Source => SalesSource.Offices;

    public override long BaseRows => Vocabulary.Offices.Length;

    protected override IReadOnlyList<BadRowKind> BadKinds => [];

    public static string CodeOf(long index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override object?[] Row(long index)
    {
        var office = Vocabulary.Offices[index];
        return [CodeOf(index), office.City, $"+1 650 219 {4782 + index}", $"{100 + index * 7} Market Street", index % 2 == 0 ? null : $"Suite {300 + index}",
            office.State == "" ? null : office.State, office.Country, office.PostalCode, office.Territory];
    }
}
