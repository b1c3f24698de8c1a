using System.Globalization;
using Pipelines.Declarations.Lakehouse;

namespace Pipelines.Declarations.Sql;

/// <summary>
/// A silver dataset's rules as a Glue Data Quality ruleset (DQDL), where DQDL can say them. ColumnValues
/// rules fail on nulls, so range and accepted-value rules let nulls through explicitly, as the SQL does;
/// ReferentialIntegrity takes numeric columns only, so text references stay with the SQL gate.
/// </summary>
public static class Dqdl
{
    public static (string Ruleset, IReadOnlyList<QualityRule> NotExpressible) Ruleset(SilverDataset dataset)
    {
        var columns = dataset.Columns.ToDictionary(column => column.Name);
        var rules = new List<string>();
        var skipped = new List<QualityRule>();
        foreach (var rule in dataset.Rules)
        {
            string? text = rule switch
            {
                NotNull r => $"IsComplete {Quote(r.Column)}",
                Unique r => r.Columns.Count == 1 ? $"IsUnique {Quote(r.Columns[0])}" : $"IsPrimaryKey {string.Join(" ", r.Columns.Select(Quote))}",
                InRange r => NullOr(r.Column, [.. new[]
                {
                    r.Min is { } min ? $"(ColumnValues {Quote(r.Column)} >= {min.ToString(CultureInfo.InvariantCulture)})" : null,
                    r.Max is { } max ? $"(ColumnValues {Quote(r.Column)} <= {max.ToString(CultureInfo.InvariantCulture)})" : null,
                }.OfType<string>()]),
                AcceptedValues r => $"ColumnValues {Quote(r.Column)} in [ {string.Join(", ", r.Values.Select(Quote))}, NULL ]",
                References r when columns[r.Column].Type is Schema.DataType.Integer or Schema.DataType.Decimal =>
                    $"ReferentialIntegrity {Quote(r.Column)} {Quote($"{r.Dataset}.{{{r.KeyColumn}}}")} = 1.0",
                Freshness r => $"DataFreshness {Quote(r.Column)} <= {r.MaxAgeHours} hours",
                _ => null,
            };
            if (text is null)
            {
                skipped.Add(rule);
            }
            else
            {
                rules.Add(text);
            }
        }
        return ($"Rules = [\n  {string.Join(",\n  ", rules)}\n]", skipped);
    }

    private static string NullOr(string column, IReadOnlyList<string> conditions) =>
        $"{(conditions.Count == 1 ? conditions[0] : $"({string.Join(" and ", conditions)})")} or (ColumnValues {Quote(column)} = NULL)";

    private static string Quote(string text) => $"\"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
