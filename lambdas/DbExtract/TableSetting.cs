namespace DbExtract;

public enum ExtractMode
{
    Full,
    Incremental,
    Key,
}

/// <summary>One table to extract: full, incremental on an updated-at column, or by a growing key.</summary>
public sealed record TableSetting(string Name, ExtractMode Mode, string? WatermarkColumn)
{
    /// <summary>Parses <c>name=full</c>, <c>name=incremental:column</c>, <c>name=key:column</c>, comma-separated.</summary>
    public static IReadOnlyList<TableSetting> ParseList(string text, string variable)
    {
        var tables = new List<TableSetting>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2);
            var how = parts.Length == 2 ? parts[1].Split(':') : [];
            TableSetting? table = (parts, how) switch
            {
                ([var name, _], ["full"]) when Identifier(name) => new TableSetting(name, ExtractMode.Full, null),
                ([var name, _], ["incremental", var column]) when Identifier(name) && Identifier(column) => new TableSetting(name, ExtractMode.Incremental, column),
                ([var name, _], ["key", var column]) when Identifier(name) && Identifier(column) => new TableSetting(name, ExtractMode.Key, column),
                _ => null,
            };
            tables.Add(table ?? throw new InvalidOperationException($"{variable}: '{entry}' is not name=full, name=incremental:column or name=key:column"));
        }
        return tables.Count > 0 ? tables : throw new InvalidOperationException($"{variable} names no table: set it to e.g. orders=incremental:updated_at");
    }

    /// <summary>Table and column names go into SQL quoted, and are also held to plain identifiers.</summary>
    private static bool Identifier(string name) => name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
