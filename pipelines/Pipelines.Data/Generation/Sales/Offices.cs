using Pipelines.Data.Schema;

namespace Pipelines.Data.Generation.Sales;

/// <summary>The company's seven offices; reference data, the same at every scale and never spoiled.</summary>
public sealed class Offices(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override DatasetSchema Schema { get; } = new("offices", "sales offices", [
        Column.KeyOf("office_code", DataType.Text),
        Column.Required("city", DataType.Text),
        Column.Required("phone", DataType.Text),
        Column.Required("address_line1", DataType.Text),
        Column.Optional("address_line2", DataType.Text),
        Column.Optional("state", DataType.Text),
        Column.Required("country", DataType.Text),
        Column.Required("postal_code", DataType.Text),
        Column.Required("territory", DataType.Text),
    ]);

    public override long BaseRows => Vocabulary.Offices.Length;

    public override TableExtraction Extraction => TableExtraction.Full;

    protected override IReadOnlyList<BadRowKind> BadKinds => [];

    public static string CodeOf(long index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override object?[] Row(long index)
    {
        var office = Vocabulary.Offices[index];
        return [CodeOf(index), office.City, $"+1 650 219 {4782 + index}", $"{100 + index * 7} Market Street", index % 2 == 0 ? null : $"Suite {300 + index}",
            office.State == "" ? null : office.State, office.Country, office.PostalCode, office.Territory];
    }
}
