using System.Text.RegularExpressions;

namespace Pipelines.Data.Lakehouse;

/// <summary>
/// One gold model: a SQL file in Athena's dialect whose header names the model and every relation it
/// reads (<c>-- reads: silver.orders, gold.dim_products</c>). The order models run in is derived from
/// those declarations, and the body may read nothing it did not declare.
/// </summary>
public sealed partial record GoldModel(string Course, string Name, IReadOnlyList<string> Reads, string Sql)
{
    public string Relation => $"gold.{Name}";

    /// <summary>
    /// The key of an incremental model (<c>-- materialized: merge on a, b</c>): its table is kept with
    /// <c>MERGE INTO</c> on these columns (an Iceberg table in Athena); null rebuilds the table each run.
    /// </summary>
    public IReadOnlyList<string>? MergeOn { get; init; }

    /// <summary>A view (<c>-- materialized: view</c>): computed when queried, never stale.</summary>
    public bool IsView { get; init; }

    public static GoldModel Parse(string course, string file, string text)
    {
        string? name = null;
        IReadOnlyList<string>? mergeOn = null;
        var view = false;
        var reads = new List<string>();
        foreach (var line in text.Split('\n').Select(l => l.Trim()).TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)))
        {
            var header = line.TrimStart('-').Trim();
            if (header.StartsWith("model:", StringComparison.Ordinal))
            {
                name = header["model:".Length..].Trim();
            }
            else if (header.StartsWith("materialized:", StringComparison.Ordinal))
            {
                var how = header["materialized:".Length..].Trim();
                view = how == "view";
                mergeOn = how.StartsWith("merge on ", StringComparison.Ordinal)
                    ? how["merge on ".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : how is "table" or "view" ? null : throw new FormatException($"{course}/{file}: materialized must be 'table', 'view' or 'merge on col, …', not '{how}'");
            }
            else if (header.StartsWith("reads:", StringComparison.Ordinal))
            {
                reads.AddRange(header["reads:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }
        if (name is null || name != Path.GetFileNameWithoutExtension(file))
        {
            throw new FormatException($"{course}/{file}: the header must say '-- model: {Path.GetFileNameWithoutExtension(file)}'");
        }
        var body = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        var used = Relations().Matches(body).Select(match => match.Value.ToLowerInvariant()).Distinct().ToList();
        var undeclared = used.Except(reads, StringComparer.OrdinalIgnoreCase).ToList();
        if (undeclared.Count > 0)
        {
            throw new FormatException($"{course}/{file} reads {string.Join(", ", undeclared)} without declaring it in '-- reads:'");
        }
        var unused = reads.Except(used, StringComparer.OrdinalIgnoreCase).ToList();
        if (unused.Count > 0)
        {
            throw new FormatException($"{course}/{file} declares {string.Join(", ", unused)} but does not read it");
        }
        return new GoldModel(course, name, reads, text) { MergeOn = mergeOn, IsView = view };
    }

    [GeneratedRegex(@"(?<![\w.])(?:silver|gold)\.[a-z_][a-z0-9_]*", RegexOptions.IgnoreCase)]
    private static partial Regex Relations();
}
