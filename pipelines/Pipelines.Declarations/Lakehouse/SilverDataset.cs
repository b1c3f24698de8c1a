using Pipelines.Declarations.Schema;

namespace Pipelines.Declarations.Lakehouse;

/// <summary>
/// One silver dataset, declared once: the source shape it is typed from (columns, types, which are
/// required), where its bronze lies, its natural key and what decides the latest row for a key, its
/// partitions, and its quality rules — those implied by the schema (required columns, unique key)
/// and those stated here. The transform, the Glue tables, the quality gate and the tests read it.
/// </summary>
public sealed record SilverDataset
{
    public required DatasetSchema Source { get; init; }

    /// <summary>Prefix of the dataset's bronze objects, e.g. <c>db/orders</c>.</summary>
    public required string BronzePrefix { get; init; }

    /// <summary>The columns a row is the same thing by; defaults to the source's key.</summary>
    public IReadOnlyList<string>? NaturalKeyColumns { get; init; }

    /// <summary>The column whose greatest value wins among rows with the same natural key; null when rows of one key are identical.</summary>
    public string? LatestBy { get; init; }

    public IReadOnlyList<Partition> Partitions { get; init; } = [];

    /// <summary>
    /// Each run holds the whole source table (a full extract): the latest run is the dataset, so a row deleted at
    /// the source leaves silver's current view with the next run. Incremental runs hold only what changed and
    /// cannot tell a deletion; their current view keeps every key's latest row.
    /// </summary>
    public bool Snapshot { get; init; }

    /// <summary>A list column whose items become the silver rows (each with its parent's columns and <see cref="ItemIndex"/>); null keeps one row per record.</summary>
    public string? Explode { get; init; }

    /// <summary>The 1-based position of an exploded item within its record.</summary>
    public const string ItemIndex = "item_index";

    /// <summary>The business domain the dataset belongs to (a Lake Formation tag): sales, events or music.</summary>
    public string Domain { get; init; } = "sales";

    /// <summary>Confidential when rows describe people (names, contacts, locations); internal otherwise. A Lake Formation tag.</summary>
    public Sensitivity Sensitivity { get; init; } = Sensitivity.Internal;

    /// <summary>Rules beyond those the schema implies.</summary>
    public IReadOnlyList<QualityRule> ExtraRules { get; init; } = [];

    public string Name => Source.Name;

    /// <summary>The view of the dataset as it stands after all runs (the latest row per key): what the gate and gold read on Athena.</summary>
    public string CurrentView => $"{Name}_current";

    public Layer Layer => Layer.Silver;

    public IReadOnlyList<string> NaturalKey => NaturalKeyColumns ?? [.. Source.KeyColumns.Select(column => column.Name)];

    /// <summary>The silver columns: the source's scalar columns, and for an exploded dataset the list's fields and the item's index.</summary>
    public IReadOnlyList<Column> Columns
    {
        get
        {
            var scalars = Source.Columns.Where(column => column.Type != DataType.List);
            if (Explode is not { } list)
            {
                return [.. scalars];
            }
            var fields = Source.Columns.FirstOrDefault(column => column.Name == list && column.Type == DataType.List)?.Fields
                ?? throw new InvalidOperationException($"{Name}: '{list}' is not a list column to explode");
            return [.. scalars, .. fields, Column.Required(ItemIndex, DataType.Integer)];
        }
    }

    /// <summary>Every rule: a value for each required column, a unique natural key, then the stated ones.</summary>
    public IReadOnlyList<QualityRule> Rules =>
    [
        .. Columns.Where(column => column.IsRequired).Select(column => new NotNull(column.Name)),
        new Unique(NaturalKey),
        .. ExtraRules,
    ];
}

public enum Layer
{
    Bronze,
    Silver,
    Gold,
}

/// <summary>How carefully a dataset's rows must be handled.</summary>
public enum Sensitivity
{
    Internal,
    Confidential,
}
