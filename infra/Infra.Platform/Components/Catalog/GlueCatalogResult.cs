namespace Infra.Platform.Components.Catalog;

/// <param name="Databases">Glue database name per layer (bronze, silver, gold).</param>
/// <param name="SilverTables">The silver tables, by dataset name.</param>
public sealed record GlueCatalogResult(IReadOnlyDictionary<string, string> Databases, IReadOnlyList<string> SilverTables)
{
    /// <summary>A model's <c>silver.orders</c> / <c>gold.fact_orders</c> → the relation in this stack's catalog.</summary>
    public string Relation(string layered)
    {
        var dot = layered.IndexOf('.');
        return $"{Databases[layered[..dot]]}.{layered[(dot + 1)..]}";
    }
}
