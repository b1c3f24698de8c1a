using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Sales;

/// <summary>Customers, about four in ten in the USA, most with a sales representative.</summary>
public sealed class Customers(GeneratorSettings settings, Employees employees) : DatasetGenerator(settings)
{
    public override SourceDataset Source => SalesSource.Customers;

    public override long BaseRows => Settings.Rows(122, minimum: 10);

    protected override IReadOnlyList<BadRowKind> BadKinds => [BadRowKind.MissingRequired, BadRowKind.OutOfRange];

    public static long NumberOf(long index) => 103 + index;

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var place = random.Pick(Vocabulary.Places);
        var reps = employees.BaseRows - employees.FirstSalesRep;
        object? rep = reps > 0 && !random.Chance(0.1) ? Employees.NumberOf(employees.FirstSalesRep + (long)(random.NextULong() % (ulong)reps)) : null;
        return [NumberOf(index), $"{random.Pick(Vocabulary.LastNames)} {random.Pick(Vocabulary.CompanyWords)} {random.Pick(Vocabulary.CompanySuffixes)}",
            random.Pick(Vocabulary.LastNames), random.Pick(Vocabulary.FirstNames), $"{random.Between(200, 989)}.555.{random.Between(1000, 9999)}",
            $"{random.Between(1, 9999)} {random.Pick(Vocabulary.LastNames)} St.", random.Chance(0.2) ? $"Level {random.Between(2, 30)}" : null,
            place.City, place.State, random.Chance(0.9) ? $"{random.Between(10000, 99999)}" : null, place.Country, rep,
            random.Between(0, 2276) * 100m, GeneratorSettings.SalesEpoch.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(index)];
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        if (kind == BadRowKind.MissingRequired)
        {
            row[10] = null;
            return "country";
        }
        row[12] = -random.Between(1, 500) * 100m;
        return "credit_limit";
    }
}
