using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Music;

/// <summary>Songs with their artist and price; the capstone extracts them from the relational source.</summary>
public sealed class Songs(GeneratorSettings settings, Artists artists) : DatasetGenerator(settings)
{
    public override SourceDataset Source => MusicSource.Songs;

    public override long BaseRows => Settings.Rows(500);

    protected override IReadOnlyList<BadRowKind> BadKinds => [BadRowKind.MissingRequired, BadRowKind.OutOfRange];

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        return [index + 1, $"{random.Pick(Vocabulary.SongWords)} {random.Pick(Vocabulary.SongWords)} {random.Pick(Vocabulary.SongWords)}",
            (long)(random.NextULong() % (ulong)artists.BaseRows) + 1, (long)random.Between(1960, 2024), random.Money(0.69m, 1.29m),
            GeneratorSettings.EventEpoch.AddDays(-30).AddMinutes(index)];
    }

    public (string Title, long ArtistId, decimal Price) Summary(long index)
    {
        var row = Row(index);
        return ((string)row[1]!, (long)row[2]!, (decimal)row[4]!);
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        if (kind == BadRowKind.MissingRequired)
        {
            row[1] = null;
            return "title";
        }
        row[4] = -(decimal)row[4]!;
        return "price";
    }
}
