namespace Pipelines.Declarations.Functions;

/// <summary>How the extract function reads a table.</summary>
public enum ExtractMode
{
    /// <summary>Every row, every run: a snapshot.</summary>
    Full,
    /// <summary>Rows whose updated-at style column is newer than the last run's.</summary>
    Incremental,
    /// <summary>Rows whose ever-growing key is above the last run's: for append-only tables.</summary>
    Key,
}

/// <summary>
/// One table the extract function reads: full, incremental on an updated-at column, or by a growing key.
/// The form of <see cref="DbExtractContract.TablesVariable"/> is written (<see cref="Setting"/>) and read
/// (<see cref="ParseList"/>) here only.
/// </summary>
public sealed record TableSetting(string Name, ExtractMode Mode, string? WatermarkColumn)
{
    public string Setting => Mode == ExtractMode.Full ? $"{Name}=full" : $"{Name}={Mode.ToString().ToLowerInvariant()}:{WatermarkColumn}";

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
