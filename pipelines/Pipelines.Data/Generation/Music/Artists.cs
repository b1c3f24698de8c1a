using Pipelines.Data.Schema;

namespace Pipelines.Data.Generation.Music;

/// <summary>The music service's artists; reference data, never spoiled.</summary>
public sealed class Artists(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override DatasetSchema Schema { get; } = new("artists", "artists of the music service", [
        Column.KeyOf("artist_id", DataType.Integer),
        Column.Required("artist_name", DataType.Text),
        Column.Required("country", DataType.Text),
    ]);

    public override long BaseRows => Settings.Rows(100);

    public override TableExtraction Extraction => TableExtraction.Full;

    protected override IReadOnlyList<BadRowKind> BadKinds => [];

    public string NameOf(long index) => (string)Row(index)[1]!;

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        return [index + 1, $"The {random.Pick(Vocabulary.ArtistWords)} {random.Pick(Vocabulary.ArtistNouns)} {index + 1}", random.Pick(Vocabulary.Places).Country];
    }
}
