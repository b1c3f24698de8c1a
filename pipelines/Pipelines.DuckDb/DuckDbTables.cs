using System.Data.Common;
using DuckDB.NET.Data;
using Pipelines.Declarations.Schema;
using Pipelines.Declarations.Sql;

namespace Pipelines.DuckDb;

/// <summary>An in-memory DuckDB holding datasets as typed tables, loaded from NDJSON by their declared schemas.</summary>
public sealed class DuckDbTables : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbTables() => _connection.Open();

    public DbConnection Connection => _connection;

    public static string TypeOf(DataType type) => type switch
    {
        DataType.Integer => "BIGINT",
        DataType.Decimal => Pipelines.Declarations.Data.DecimalColumns.Type.ToUpperInvariant(),
        DataType.Text => "VARCHAR",
        DataType.Date => "DATE",
        DataType.Timestamp => "TIMESTAMP",
        DataType.Boolean => "BOOLEAN",
        _ => throw new NotSupportedException($"{type} columns are not loaded as table columns"),
    };

    /// <summary>Creates (or replaces) table <paramref name="schema"/>.Name from NDJSON files matching <paramref name="path"/> (gzip allowed).</summary>
    public void LoadNdjson(DatasetSchema schema, string path)
    {
        var columns = string.Join(", ", schema.Columns.Where(c => c.Type != DataType.List).Select(c => $"{QualitySql.Literal(c.Name)}: {QualitySql.Literal(TypeOf(c.Type))}"));
        Execute($"CREATE OR REPLACE TABLE {QualitySql.Id(schema.Name)} AS SELECT * FROM read_json({QualitySql.Literal(path)}, format = 'newline_delimited', columns = {{{columns}}})");
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Count(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();
}
