using Pipelines.Declarations.Schema;
using Pipelines.Generator;

namespace Pipelines.Generator.Output;

/// <summary>
/// A load script for a relational source: for each flat dataset, drop and create its table (keys as the
/// primary key, the only constraint the source enforces), an index on <c>updated_at</c> where there is one
/// for incremental extraction, and multi-row inserts inside one transaction. Re-running it reloads.
/// </summary>
public static class SqlScriptWriter
{
    public const int RowsPerInsert = 500;

    public static void Write(SqlDialect dialect, IEnumerable<DatasetGenerator> datasets, TextWriter output)
    {
        output.WriteLine($"-- Course source data ({dialect.Name}); generated, do not edit.");
        output.WriteLine(dialect.Begin);
        foreach (var dataset in datasets)
        {
            WriteTable(dialect, dataset, output);
        }
        output.WriteLine("COMMIT;");
    }

    public static string CreateTable(SqlDialect dialect, DatasetSchema schema)
    {
        var table = dialect.Identifier(schema.Name);
        var columns = schema.Columns.Select(column =>
            $"  {dialect.Identifier(column.Name)} {dialect.TypeOf(column.Type)}{(column.IsKey ? " NOT NULL" : "")}");
        var key = $"  PRIMARY KEY ({string.Join(", ", schema.KeyColumns.Select(column => dialect.Identifier(column.Name)))})";
        var text = $"CREATE TABLE {table} (\n{string.Join(",\n", columns.Append(key))}\n){dialect.TableOptions};";
        if (schema.Columns.Any(column => column.Name == "updated_at"))
        {
            text += $"\nCREATE INDEX {dialect.Identifier($"ix_{schema.Name}_updated_at")} ON {table} ({dialect.Identifier("updated_at")});";
        }
        return text;
    }

    private static void WriteTable(SqlDialect dialect, DatasetGenerator dataset, TextWriter output)
    {
        var schema = dataset.Schema;
        var table = dialect.Identifier(schema.Name);
        output.WriteLine($"DROP TABLE IF EXISTS {table};");
        output.WriteLine(CreateTable(dialect, schema));
        var header = $"INSERT INTO {table} ({string.Join(", ", schema.Columns.Select(column => dialect.Identifier(column.Name)))}) VALUES";
        var inStatement = 0;
        foreach (var row in dataset.Rows())
        {
            output.Write(inStatement == 0 ? header + "\n  (" : ",\n  (");
            output.Write(string.Join(", ", row.Select(dialect.Literal)));
            output.Write(')');
            if (++inStatement == RowsPerInsert)
            {
                output.WriteLine(";");
                inStatement = 0;
            }
        }
        if (inStatement > 0)
        {
            output.WriteLine(";");
        }
    }
}
