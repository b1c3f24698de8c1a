using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Output;

/// <summary>Where MariaDB/MySQL and PostgreSQL differ for the load scripts: identifier quoting, types, string escapes, transactions.</summary>
public sealed record SqlDialect(string Name, char IdentifierQuote, string TimestampType, bool BackslashEscapes, string Begin, string TableOptions)
{
    public static readonly SqlDialect MySql = new("mysql", '`', "DATETIME", BackslashEscapes: true, "START TRANSACTION;", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    public static readonly SqlDialect PostgreSql = new("postgresql", '"', "TIMESTAMP", BackslashEscapes: false, "BEGIN;", "");

    public static readonly IReadOnlyList<SqlDialect> All = [MySql, PostgreSql];

    public static SqlDialect Named(string name) =>
        All.FirstOrDefault(dialect => dialect.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown SQL dialect '{name}': choose {string.Join(" or ", All.Select(d => d.Name))}", nameof(name));

    public string Identifier(string name) => $"{IdentifierQuote}{name}{IdentifierQuote}";

    public string TypeOf(DataType type) => type switch
    {
        DataType.Integer => "BIGINT",
        DataType.Decimal => Pipelines.Declarations.Data.DecimalColumns.Type.ToUpperInvariant(),
        DataType.Text => "VARCHAR(255)",
        DataType.Date => "DATE",
        DataType.Timestamp => TimestampType,
        DataType.Boolean => "BOOLEAN",
        _ => throw new ArgumentException($"{type} columns have no SQL type here: the dataset is not flat", nameof(type)),
    };

    public string Literal(object? value) => value switch
    {
        null => "NULL",
        long or int or decimal => Output.ValueText.Of(value),
        bool flag => flag ? "TRUE" : "FALSE",
        DateTime time => $"'{time.ToUniversalTime():yyyy-MM-dd HH:mm:ss}'",
        _ => Quote(Output.ValueText.Of(value)),
    };

    private string Quote(string text)
    {
        var escaped = text.Replace("'", "''", StringComparison.Ordinal);
        return $"'{(BackslashEscapes ? escaped.Replace("\\", "\\\\", StringComparison.Ordinal) : escaped)}'";
    }
}
