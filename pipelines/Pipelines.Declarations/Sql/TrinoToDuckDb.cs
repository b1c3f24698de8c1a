using System.Text.RegularExpressions;

namespace Pipelines.Declarations.Sql;

/// <summary>
/// The one place Athena's (Trino) SQL becomes DuckDB's: the functions whose names differ are renamed,
/// and any function DuckDB lacks or runs with a different meaning stops translation with its name —
/// a silently different result is worse than none. Everything else passes unchanged: the common
/// ground (CTEs, joins, window functions, <c>try_cast</c>, <c>date_trunc</c>, <c>CROSS JOIN UNNEST</c>, …)
/// behaves alike, as measured in the design's facts.
/// </summary>
public static partial class TrinoToDuckDb
{
    /// <summary>Same meaning, another name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["approx_distinct"] = "approx_count_distinct",
        ["cardinality"] = "len",
        ["regexp_like"] = "regexp_matches",
        ["to_unixtime"] = "epoch",
        ["day_of_week"] = "isodow",
        // Both inclusive over integers; over dates DuckDB yields timestamps, so models build day spines from integers.
        ["sequence"] = "generate_series",
    };

    /// <summary>No DuckDB function with the same meaning: a model using one must be rewritten in the common ground.</summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["element_at"] = "DuckDB runs it on maps but returns a list; index with m[k] or arr[i] in both engines",
        ["date_format"] = "format codes differ (minutes are %i in Trino, %M in DuckDB)",
        ["format_datetime"] = "DuckDB has no Java-style formatter",
        ["date_parse"] = "DuckDB has no MySQL-style parser",
        ["from_iso8601_timestamp"] = "DuckDB lacks it; cast the text to timestamp instead",
        ["json_extract_scalar"] = "DuckDB's JSON functions differ; declare the columns of the bronze table instead",
        ["approx_percentile"] = "DuckDB lacks it",
        ["array_join"] = "its three-argument form (a replacement for nulls) has no DuckDB counterpart; use array_to_string over a transformed array",
        ["date_add"] = "the argument order differs; add an INTERVAL instead",
    };

    public static string Translate(string trino)
    {
        // Calls are found in the text with string literals blanked (same length, so positions agree).
        var calls = FunctionCall().Matches(Literal().Replace(trino, match => new string(' ', match.Length)));
        foreach (Match call in calls)
        {
            var name = call.Groups["name"].Value;
            if (Refused.TryGetValue(name, out var why))
            {
                throw new NotSupportedException($"'{name}' has no DuckDB equivalent with the same meaning: {why}");
            }
        }
        var translated = new System.Text.StringBuilder(trino);
        foreach (Match call in calls.Reverse())
        {
            if (Renamed.TryGetValue(call.Groups["name"].Value, out var duck))
            {
                translated.Remove(call.Groups["name"].Index, call.Groups["name"].Length).Insert(call.Groups["name"].Index, duck);
            }
        }
        return translated.ToString();
    }

    [GeneratedRegex(@"\b(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex FunctionCall();

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex Literal();
}
