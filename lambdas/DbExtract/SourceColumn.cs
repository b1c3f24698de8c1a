namespace DbExtract;

/// <summary>A column as the source's information schema reports it.</summary>
public sealed record SourceColumn(string Name, string DataType)
{
    public bool IsDate => DataType.Equals("date", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A column was dropped or changed type since the table was first extracted: downstream would break, so the run stops.</summary>
public sealed class SchemaChangedException(string message) : Exception(message);

/// <summary>Compares the columns a table has now with those it had when first extracted.</summary>
public static class SchemaDrift
{
    /// <summary>The added columns; throws naming the table and column when one was dropped or retyped.</summary>
    public static IReadOnlyList<string> Check(string table, IReadOnlyList<SourceColumn>? before, IReadOnlyList<SourceColumn> now)
    {
        if (before is null)
        {
            return [];
        }
        var current = now.ToDictionary(column => column.Name, StringComparer.Ordinal);
        foreach (var column in before)
        {
            if (!current.TryGetValue(column.Name, out var found))
            {
                throw new SchemaChangedException($"table {table}: column '{column.Name}' ({column.DataType}) was dropped since the first extract; restore it or reset the table's checkpoint");
            }
            if (!found.DataType.Equals(column.DataType, StringComparison.OrdinalIgnoreCase))
            {
                throw new SchemaChangedException($"table {table}: column '{column.Name}' changed type from {column.DataType} to {found.DataType}; restore it or reset the table's checkpoint");
            }
        }
        var known = before.Select(column => column.Name).ToHashSet(StringComparer.Ordinal);
        return [.. now.Where(column => !known.Contains(column.Name)).Select(column => column.Name)];
    }
}
