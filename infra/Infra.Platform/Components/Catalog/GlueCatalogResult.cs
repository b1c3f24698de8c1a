namespace Infra.Platform.Components.Catalog;

/// <param name="Databases">Glue database name per layer (bronze, silver, gold).</param>
/// <param name="SilverTables">The silver tables, by dataset name.</param>
public sealed record GlueCatalogResult(IReadOnlyDictionary<string, string> Databases, IReadOnlyList<string> SilverTables)
{
    /// <summary>Relations that live elsewhere than their layer's database (gold Iceberg tables in S3 Tables).</summary>
    public IReadOnlyDictionary<string, string> Relations { get; init; } = new Dictionary<string, string>();

    /// <summary>The raw-zone crawler's role, where the stack crawls (it creates tables in bronze).</summary>
    public Infra.Model.Values.Reference? CrawlerRole { get; init; }

    /// <summary>The S3 table bucket of the gold Iceberg tables, where the stack uses S3 Tables.</summary>
    public TableBucket? TableBucket { get; init; }

    /// <summary>A model's <c>silver.orders</c> / <c>gold.fact_orders</c> → the relation in this stack's catalog.</summary>
    public string Relation(string layered)
    {
        if (Relations.TryGetValue(layered, out var elsewhere))
        {
            return elsewhere;
        }
        var dot = layered.IndexOf('.');
        var (layer, name) = (layered[..dot], layered[(dot + 1)..]);
        // Silver is read through its current view: the latest row of each key across the runs' files.
        return layer == "silver" ? $"{Databases[layer]}.{name}_current" : $"{Databases[layer]}.{name}";
    }
}
