using System.Globalization;
using Pipelines.Declarations.Lakehouse;

namespace Pipelines.Declarations.Sql;

/// <summary>
/// Each quality rule as one query in Athena's (Trino) dialect that returns a single number: how many
/// rows break it. <c>table</c> maps a dataset's name to the relation to read (e.g. <c>silver.orders</c>).
/// </summary>
public static class QualitySql
{
    /// <param name="asOf">The moment freshness is judged at (UTC); null judges it when the query runs.</param>
    public static string CountViolations(QualityRule rule, string dataset, Func<string, string> table, DateTime? asOf = null) => rule switch
    {
        Freshness r => $"SELECT CASE WHEN max({Id(r.Column)}) >= {Moment(asOf)} - INTERVAL '{r.MaxAgeHours}' HOUR THEN 0 ELSE 1 END FROM {table(dataset)}",
        NotNull r => $"SELECT count(*) FROM {table(dataset)} WHERE {Id(r.Column)} IS NULL",
        InRange r => $"SELECT count(*) FROM {table(dataset)} WHERE {Range(r)}",
        AcceptedValues r => $"SELECT count(*) FROM {table(dataset)} WHERE {Id(r.Column)} IS NOT NULL AND {Id(r.Column)} NOT IN ({string.Join(", ", r.Values.Select(Literal))})",
        // Rows missing part of the key are NotNull's to report, not duplicates of each other.
        Unique r => $"SELECT CAST(coalesce(sum(copies - 1), 0) AS bigint) FROM (SELECT count(*) AS copies FROM {table(dataset)} WHERE {string.Join(" AND ", r.Columns.Select(c => $"{Id(c)} IS NOT NULL"))} GROUP BY {string.Join(", ", r.Columns.Select(Id))} HAVING count(*) > 1) AS repeated",
        References r => $"SELECT count(*) FROM {table(dataset)} AS child LEFT JOIN {table(r.Dataset)} AS parent ON child.{Id(r.Column)} = parent.{Id(r.KeyColumn)} WHERE child.{Id(r.Column)} IS NOT NULL AND parent.{Id(r.KeyColumn)} IS NULL",
        _ => throw new NotSupportedException($"no SQL for rule {rule.Name}"),
    };

    /// <summary>
    /// The gate as one query: a row (dataset, rule, violations) for every broken rule of the datasets, none
    /// when all hold. The state machine runs it on Athena and stops when a row comes back.
    /// </summary>
    public static string Failures(IEnumerable<SilverDataset> datasets, Func<string, string> table, DateTime? asOf = null)
    {
        var checks = datasets.SelectMany(dataset => dataset.Rules.Select(rule =>
            $"SELECT {Literal(dataset.Name)} AS dataset, {Literal(rule.Name)} AS rule, ({CountViolations(rule, dataset.Name, table, asOf)}) AS violations")).ToList();
        return checks.Count > 0
            ? $"SELECT dataset, rule, violations FROM ({string.Join("\nUNION ALL ", checks)}) AS results WHERE violations > 0 ORDER BY dataset, rule"
            : throw new ArgumentException("the gate needs at least one rule", nameof(datasets));
    }

    private static string Moment(DateTime? asOf) => asOf is { } moment ? $"TIMESTAMP '{moment:yyyy-MM-dd HH:mm:ss}'" : "current_timestamp";

    private static string Range(InRange rule)
    {
        var conditions = new List<string>();
        if (rule.Min is { } min)
        {
            conditions.Add($"{Id(rule.Column)} < {min.ToString(CultureInfo.InvariantCulture)}");
        }
        if (rule.Max is { } max)
        {
            conditions.Add($"{Id(rule.Column)} > {max.ToString(CultureInfo.InvariantCulture)}");
        }
        return conditions.Count > 0 ? string.Join(" OR ", conditions) : throw new ArgumentException($"{rule.Name} has neither end", nameof(rule));
    }

    public static string Id(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
