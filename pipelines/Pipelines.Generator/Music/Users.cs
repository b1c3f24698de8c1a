using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Music;

/// <summary>Users of the music service; location is one "City, Country" string that silver splits.</summary>
public sealed class Users(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override SourceDataset Source => MusicSource.Users;

    public override long BaseRows => Settings.Rows(200);

    protected override IReadOnlyList<BadRowKind> BadKinds => [BadRowKind.MissingRequired, BadRowKind.Duplicate];

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var first = random.Pick(Vocabulary.FirstNames);
        var last = random.Pick(Vocabulary.LastNames);
        var place = random.Pick(Vocabulary.Places);
        var created = GeneratorSettings.EventEpoch.AddDays(-400).AddHours(index);
        return [index + 1, $"{first} {last}", $"{first}.{last}.{index + 1}@example.com".ToLowerInvariant().Replace(' ', '-'),
            $"{place.City}, {place.Country}", created, created.AddDays(random.Between(0, 300))];
    }

    /// <summary>A user delivered twice: the second copy is a later update of the same user.</summary>
    protected override object?[] Duplicate(object?[] row, ref RowRandom random)
    {
        var again = (object?[])row.Clone();
        again[5] = ((DateTime)row[5]!).AddDays(random.Between(1, 30));
        return again;
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        row[3] = null;
        return "location";
    }
}
