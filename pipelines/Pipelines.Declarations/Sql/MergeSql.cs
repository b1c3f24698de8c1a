namespace Pipelines.Declarations.Sql;

/// <summary>An incremental model's upkeep in Athena's dialect: <c>MERGE INTO</c> the table from the model's query on its key.</summary>
public static class MergeSql
{
    public static string Build(string target, string query, IReadOnlyList<string> key, IReadOnlyList<string> columns)
    {
        var missing = key.Except(columns).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{target}: the merge key {string.Join(", ", missing)} is not among the model's columns", nameof(key));
        }
        var on = string.Join(" AND ", key.Select(k => $"t.{QualitySql.Id(k)} = s.{QualitySql.Id(k)}"));
        var values = columns.Where(c => !key.Contains(c)).ToList();
        var update = values.Count == 0 ? "" : $" WHEN MATCHED THEN UPDATE SET {string.Join(", ", values.Select(c => $"{QualitySql.Id(c)} = s.{QualitySql.Id(c)}"))}";
        return $"MERGE INTO {target} AS t USING ({query}) AS s ON {on}{update} WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns.Select(QualitySql.Id))}) VALUES ({string.Join(", ", columns.Select(c => $"s.{QualitySql.Id(c)}"))})";
    }
}
