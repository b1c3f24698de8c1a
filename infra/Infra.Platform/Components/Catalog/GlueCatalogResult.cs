namespace Infra.Platform.Components.Catalog;

/// <param name="Databases">Glue database name per layer (bronze, silver, gold).</param>
/// <param name="SilverTables">The silver tables, by dataset name.</param>
public sealed record GlueCatalogResult(IReadOnlyDictionary<string, string> Databases, IReadOnlyList<string> SilverTables);
