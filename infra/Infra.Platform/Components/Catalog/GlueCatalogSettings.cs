namespace Infra.Platform.Components.Catalog;

/// <summary>The stack's Glue Data Catalog: databases per layer, silver tables, quality rulesets.</summary>
public sealed record GlueCatalogSettings
{
    /// <summary>Whether the stack has course 3's crawler over the raw zone (and the Glue security configuration it runs with).</summary>
    public bool RawZoneCrawler { get; init; }

    /// <summary>Where the merge models' Iceberg tables live (docs/decisions.md says when to choose which).</summary>
    public GoldTableFormat GoldTableFormat { get; init; } = GoldTableFormat.GlueIceberg;
}
