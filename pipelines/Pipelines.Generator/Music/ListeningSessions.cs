using Pipelines.Declarations.Sources;
using Pipelines.Generator.Events;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Music;

/// <summary>Listening sessions with their items (song, artist, price, liked, liked since); silver explodes them to one row per item.</summary>
public sealed class ListeningSessions(GeneratorSettings settings, Users users, Songs songs, Artists artists) : DatasetGenerator(settings)
{
    public override SourceDataset Source => MusicSource.ListeningSessions;

    public override long BaseRows => Settings.Rows(1000);

    protected override IReadOnlyList<BadRowKind> BadKinds => EventSpoiling.Kinds;

    protected override object?[] Row(long index)
    {
        var random = new RowRandom(Settings.Seed, Schema.Name, index);
        var started = GeneratorSettings.EventEpoch.AddSeconds(index * 53);
        var items = new List<object?[]>();
        for (var i = random.Between(1, 8); i > 0; i--)
        {
            var song = (long)(random.NextULong() % (ulong)songs.BaseRows);
            var (title, artist, price) = songs.Summary(song);
            var liked = random.Chance(0.3);
            items.Add([song + 1, title, artists.NameOf(artist - 1), price, liked, liked ? started.AddDays(-random.Between(0, 200)) : null]);
        }
        return [random.Uuid(), (long)(random.NextULong() % (ulong)users.BaseRows) + 1, started, items];
    }

    protected override string Spoil(object?[] row, BadRowKind kind, ref RowRandom random)
    {
        switch (kind)
        {
            case BadRowKind.MissingRequired:
                row[1] = null;
                return "user_id";
            case BadRowKind.Late:
                EventSpoiling.MakeLate(row, 2, ref random);
                return "started_at";
            default:
                var first = ((List<object?[]>)row[3]!)[0];
                first[3] = -(decimal)first[3]!;
                return "items.price";
        }
    }
}
