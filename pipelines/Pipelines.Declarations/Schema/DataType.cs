namespace Pipelines.Declarations.Schema;

/// <summary>
/// The value types a dataset column holds. Values in rows are <see cref="long"/>, <see cref="decimal"/>,
/// <see cref="string"/>, <see cref="DateOnly"/>, <see cref="DateTime"/> (UTC), <see cref="bool"/>,
/// a list of nested rows for <see cref="List"/>, or null.
/// </summary>
public enum DataType
{
    Integer,
    Decimal,
    Text,
    Date,
    Timestamp,
    Boolean,
    /// <summary>A list of nested records whose fields are the column's <see cref="Column.Fields"/>.</summary>
    List,
}
