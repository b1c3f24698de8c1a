using Pipelines.Declarations.Schema;

namespace Pipelines.Declarations.Lakehouse;

/// <summary>
/// A partition column of a silver dataset: its name, its type, the Trino function that computes it from one column of
/// the row, and the range of values it can take, so the catalog can project partitions instead of listing them. A row
/// whose value falls outside the range would land where no query sees it: silver quarantines it with its reason.
/// </summary>
/// <param name="Function">A one-argument Trino function, e.g. <c>year</c>.</param>
/// <param name="Source">The column it is computed from, e.g. <c>order_date</c>.</param>
public sealed record Partition(string Column, DataType Type, string Function, string Source, int RangeFrom, int RangeTo)
{
    /// <summary>The partition's value computed from the row (Trino).</summary>
    public string Expression => Over(Source);

    /// <summary>The partition's value computed from <paramref name="value"/> in place of the source column.</summary>
    public string Over(string value) => $"{Function}({value})";

    /// <summary>The reason a row outside the range is quarantined with.</summary>
    public string RangeRule => $"partition_range({Column}, {RangeFrom}, {RangeTo})";
}
