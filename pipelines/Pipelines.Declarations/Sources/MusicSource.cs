using Pipelines.Declarations.Schema;

namespace Pipelines.Declarations.Sources;

/// <summary>The capstone's music service: artists and songs in its database, users and listening sessions behind its API.</summary>
public static class MusicSource
{
    public static readonly SourceDataset Artists = new(new DatasetSchema("artists", "artists of the music service", [
        Column.KeyOf("artist_id", DataType.Integer),
        Column.Required("artist_name", DataType.Text),
        Column.Required("country", DataType.Text),
    ]), TableExtraction.Full);

    public static readonly SourceDataset Songs = new(new DatasetSchema("songs", "songs with artist, release year and price", [
        Column.KeyOf("song_id", DataType.Integer),
        Column.Required("title", DataType.Text),
        Column.Required("artist_id", DataType.Integer),
        Column.Required("release_year", DataType.Integer),
        Column.Required("price", DataType.Decimal),
        Column.Required("updated_at", DataType.Timestamp),
    ]), TableExtraction.Incremental("updated_at"));

    public static readonly SourceDataset Users = new(new DatasetSchema("users", "users of the music service", [
        Column.KeyOf("user_id", DataType.Integer),
        Column.Required("user_name", DataType.Text),
        Column.Required("email", DataType.Text),
        Column.Required("location", DataType.Text),
        Column.Required("created_at", DataType.Timestamp),
        Column.Required("updated_at", DataType.Timestamp),
    ]));

    public static readonly SourceDataset ListeningSessions = new(new DatasetSchema("listening_sessions", "listening sessions of the music service, with their items", [
        Column.KeyOf("session_id", DataType.Text),
        Column.Required("user_id", DataType.Integer),
        Column.Required("started_at", DataType.Timestamp),
        Column.ListOf("items",
            Column.Required("song_id", DataType.Integer),
            Column.Required("title", DataType.Text),
            Column.Required("artist_name", DataType.Text),
            Column.Required("price", DataType.Decimal),
            Column.Required("liked", DataType.Boolean),
            Column.Optional("liked_since", DataType.Timestamp)),
    ]));

    public static IReadOnlyList<SourceDataset> All { get; } = [Artists, Songs, Users, ListeningSessions];
}
