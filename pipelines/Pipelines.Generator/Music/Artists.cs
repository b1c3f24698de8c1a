using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Music;

/// <summary>The music service's artists; reference data, never spoiled.</summary>
public sealed class Artists(GeneratorSettings settings) : DatasetGenerator(settings)
{
    public override SourceDataset Source => MusicSource.Artists;

    public override long BaseRows => Settings.Rows(100);

    protected override IReadOnlyList<BadRowKind> BadKinds => [];

    public string NameOf(long index) => (string)Row(index)[1]!;

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        return [index + 1, $"The {random.Pick(Vocabulary.ArtistWords)} {random.Pick(Vocabulary.ArtistNouns)} {index + 1}", random.Pick(Vocabulary.Places).Country];
    }
}
