namespace Pipelines.Declarations.Sources;

/// <summary>Every source dataset, which of them the relational source holds, and what the paged REST API serves.</summary>
public static class SourceDatasets
{
    public static IReadOnlyList<SourceDataset> All { get; } = [.. SalesSource.All, .. StreamEvents.All, .. MusicSource.All];

    /// <summary>The tables of the relational source: the sales schema, and the capstone's artists and songs.</summary>
    public static IReadOnlyList<SourceDataset> Relational { get; } = [.. SalesSource.All, MusicSource.Artists, MusicSource.Songs];

    /// <summary>How the extract function reads each table of the relational source.</summary>
    public static IReadOnlyList<ExtractTable> Extracts { get; } = [.. Relational.Select(ExtractTable.For)];

    /// <summary>What the paged REST API serves: sales entities, and the music service's users and listening sessions.</summary>
    public static IReadOnlyList<ApiResource> Api { get; } =
    [
        new(SalesSource.Customers, "updated_at", Pagination.Offset), new(SalesSource.Products, "updated_at", Pagination.Offset),
        new(SalesSource.Orders, "updated_at", Pagination.Offset), new(MusicSource.Users, "updated_at", Pagination.Offset),
        new(MusicSource.ListeningSessions, "started_at", Pagination.NextLink),
    ];

    public static SourceDataset Named(string name) =>
        All.FirstOrDefault(dataset => dataset.Name == name)
        ?? throw new ArgumentException($"no dataset '{name}': known datasets are {string.Join(", ", All.Select(d => d.Name))}", nameof(name));
}
