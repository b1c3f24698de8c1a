using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Sql;

namespace Pipelines.DuckDb;

/// <summary>One rule's verdict on one dataset.</summary>
public sealed record RuleResult(string Dataset, QualityRule Rule, long Violations)
{
    public bool Passed => Violations == 0;

    public override string ToString() => $"{Dataset}: {Rule.Name} — {Violations} row(s)";
}

/// <summary>The gate stopped the pipeline: every failed rule is named with its dataset and count.</summary>
public sealed class QualityGateException(IReadOnlyList<RuleResult> failures)
    : Exception("quality gate failed: " + string.Join("; ", failures))
{
    public IReadOnlyList<RuleResult> Failures { get; } = failures;
}

/// <summary>
/// Evaluates the declared rules of datasets on DuckDB: each rule's Athena SQL, through the one dialect
/// translation. <see cref="Require"/> stops with every failure named.
/// </summary>
public static class QualityGate
{
    public static IReadOnlyList<RuleResult> Evaluate(DuckDbTables tables, IEnumerable<SilverDataset> datasets, Func<string, string>? table = null, DateTime? asOf = null)
    {
        table ??= QualitySql.Id;
        var judgedAt = asOf ?? DateTime.UtcNow;
        var results = new List<RuleResult>();
        foreach (var dataset in datasets)
        {
            foreach (var rule in dataset.Rules)
            {
                var sql = TrinoToDuckDb.Translate(QualitySql.CountViolations(rule, dataset.Name, table, judgedAt));
                results.Add(new RuleResult(dataset.Name, rule, tables.Count(sql)));
            }
        }
        return results;
    }

    public static IReadOnlyList<RuleResult> Require(DuckDbTables tables, IEnumerable<SilverDataset> datasets, Func<string, string>? table = null, DateTime? asOf = null)
    {
        var results = Evaluate(tables, datasets, table, asOf);
        var failures = results.Where(result => !result.Passed).ToList();
        return failures.Count == 0 ? results : throw new QualityGateException(failures);
    }

    /// <summary>
    /// Row-count reconciliation of one silver run against its source: the rows the source reported (a bronze
    /// manifest's count) must all be accounted for as written, dropped as duplicates or quarantined.
    /// </summary>
    public static RuleResult Reconcile(string dataset, long sourceRows, SilverCounts counts) =>
        new(dataset, new Reconciles(sourceRows), Math.Abs(sourceRows - counts.In) + Math.Abs(counts.In - counts.Out - counts.Duplicates - counts.Quarantined));
}

/// <summary>The source's row count equals silver's rows written + duplicates dropped + quarantined.</summary>
public sealed record Reconciles(long SourceRows) : QualityRule
{
    public override string Name => $"reconciles(source {SourceRows} rows)";
    public override bool IsRowRule => false;
}
