namespace Pipelines.Declarations.Lakehouse;

/// <summary>
/// A data quality rule, declared with its dataset and evaluated wherever the data is (DuckDB locally,
/// Athena in AWS, Glue Data Quality where DQDL can say it). Each rule counts the rows that break it.
/// </summary>
public abstract record QualityRule
{
    /// <summary>A stable name for messages and metrics, e.g. <c>not_null(country)</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Rules a single row can break: silver quarantines such rows with the rule's name as the reason.</summary>
    public virtual bool IsRowRule => true;
}

/// <summary>The column has a value.</summary>
public sealed record NotNull(string Column) : QualityRule
{
    public override string Name => $"not_null({Column})";
}

/// <summary>The column's value lies in [<see cref="Min"/>, <see cref="Max"/>]; an open end is null.</summary>
public sealed record InRange(string Column, decimal? Min, decimal? Max) : QualityRule
{
    public override string Name => $"in_range({Column}, {Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-inf"}, {Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "inf"})";
}

/// <summary>The column's value is one of a fixed set.</summary>
public sealed record AcceptedValues(string Column, IReadOnlyList<string> Values) : QualityRule
{
    public override string Name => $"accepted_values({Column})";
}

/// <summary>No two rows share these columns' values.</summary>
public sealed record Unique(IReadOnlyList<string> Columns) : QualityRule
{
    public override string Name => $"unique({string.Join(", ", Columns)})";
    public override bool IsRowRule => false;
}

/// <summary>Every non-null value of the column is a key of another dataset.</summary>
public sealed record References(string Column, string Dataset, string KeyColumn) : QualityRule
{
    public override string Name => $"references({Column} -> {Dataset}.{KeyColumn})";
    public override bool IsRowRule => false;
}

/// <summary>The newest value of the column is at most <see cref="MaxAgeHours"/> old when the gate runs.</summary>
public sealed record Freshness(string Column, int MaxAgeHours) : QualityRule
{
    public override string Name => $"freshness({Column}, {MaxAgeHours} h)";
    public override bool IsRowRule => false;
}
