using Pipelines.Declarations.Functions;
namespace DbExtract;

/// <summary>
/// The one SELECT a run streams: the table's current columns (some as the server's text, see <see cref="SourceEngine.Selected"/>),
/// then the ordering columns again as they are typed, for the resume position; bounded by the run's (since, until] on the
/// watermark, continuing after the resume position, ordered by watermark then key so positions are total.
/// </summary>
public static class ExtractQuery
{
    public static (string Sql, object[] Parameters, IReadOnlyList<string> OrderColumns) Build(
        SourceEngine engine, TableSetting table, IReadOnlyList<SourceColumn> columns, IReadOnlyList<string> key, ExtractRun run)
    {
        var order = table.Mode == ExtractMode.Incremental
            ? [table.WatermarkColumn!, .. key.Where(column => column != table.WatermarkColumn)]
            : table.Mode == ExtractMode.Key ? [table.WatermarkColumn!] : key.ToList();
        if (table.Mode == ExtractMode.Key && !key.SequenceEqual([table.WatermarkColumn!]))
        {
            throw new InvalidOperationException($"table {table.Name}: key extraction needs '{table.WatermarkColumn}' to be the whole primary key ({string.Join(", ", key)})");
        }
        var conditions = new List<string>();
        var parameters = new List<object>();
        string Next(object value)
        {
            parameters.Add(value);
            return $"@p{parameters.Count - 1}";
        }
        if (table.Mode != ExtractMode.Full)
        {
            var watermark = engine.Identifier(table.WatermarkColumn!);
            if (run.Since is { } since)
            {
                conditions.Add($"{watermark} > {Next(since.ToParameter())}");
            }
            conditions.Add(run.Until is { } until ? $"{watermark} <= {Next(until.ToParameter())}" : "1 = 0");
        }
        if (run.ResumeAfter is { Count: > 0 } resume)
        {
            var left = string.Join(", ", order.Select(engine.Identifier));
            var right = string.Join(", ", resume.Select(value => Next(value.ToParameter())));
            conditions.Add(order.Count == 1 ? $"{left} > {right}" : $"({left}) > ({right})");
        }
        var sql = $"SELECT {string.Join(", ", [.. columns.Select(engine.Selected), .. order.Select(engine.Identifier)])} FROM {engine.Identifier(table.Name)}"
            + (conditions.Count > 0 ? $" WHERE {string.Join(" AND ", conditions)}" : "")
            // Qualified: the ordering columns appear twice among the output columns, which an unqualified name would make ambiguous.
            + $" ORDER BY {string.Join(", ", order.Select(column => $"{engine.Identifier(table.Name)}.{engine.Identifier(column)}"))}";
        return (sql, [.. parameters], order);
    }
}
