using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>Employees in a reporting tree (each reports to the one at (index − 1) / 3); the first is the president.</summary>
public sealed class Employees(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override SourceDataset Source => SalesSource.Employees;

    public override long BaseRows => Settings.Rows(23, minimum: 8);

    protected override IReadOnlyList<BadRowKind> BadKinds => [];

    public static long NumberOf(long index) => 1002 + index;

    /// <summary>Sales representatives are everyone below the managers.</summary>
    public long FirstSalesRep => Vocabulary.JobTitles.Length;

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var first = random.Pick(Vocabulary.FirstNames);
        var last = random.Pick(Vocabulary.LastNames);
        return [NumberOf(index), last, first, $"x{random.Between(1000, 9999)}", $"{first[0]}{last}{index}@classicmodelcars.com".ToLowerInvariant().Replace(' ', '-'),
            Offices.CodeOf(index % Vocabulary.Offices.Length), index == 0 ? null : NumberOf((index - 1) / 3),
            index < Vocabulary.JobTitles.Length ? Vocabulary.JobTitles[index] : "Sales Rep"];
    }
}
