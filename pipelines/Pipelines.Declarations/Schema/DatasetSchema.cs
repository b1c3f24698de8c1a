namespace Pipelines.Declarations.Schema;

/// <summary>The shape of one generated dataset: its name, its columns in order, and what it is.</summary>
public sealed record DatasetSchema(string Name, string Description, IReadOnlyList<Column> Columns)
{
    /// <summary>Flat datasets become CSV files and database tables; nested ones are NDJSON only.</summary>
    public bool IsFlat => Columns.All(column => column.Type != DataType.List);

    public IReadOnlyList<Column> KeyColumns => [.. Columns.Where(column => column.IsKey)];

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }
        throw new ArgumentException($"dataset '{Name}' has no column '{column}'", nameof(column));
    }
}
