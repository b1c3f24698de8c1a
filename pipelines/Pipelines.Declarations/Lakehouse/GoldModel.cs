using System.Text.RegularExpressions;

namespace Pipelines.Declarations.Lakehouse;

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

    /// <summary>
    /// A "materialized view" (<c>-- materialized: refreshed</c>): a table rebuilt only by the pipeline's
    /// refresh step, fast to query and stale from the moment its sources change until then.
    /// </summary>
    public bool IsRefreshed { get; init; }

    /// <summary>Views and refreshed tables: what the refresh step builds, after every other gold model.</summary>
    public bool IsServing => IsView || IsRefreshed;

    /// <summary>
    /// The output columns as the catalog declares them (<c>-- columns: name type, …</c> in Athena's type
    /// names); required of a merge model, whose Iceberg table exists before its first run.
    /// </summary>
    public IReadOnlyList<(string Name, string Type)> Columns { get; init; } = [];

    public static GoldModel Parse(string course, string file, string text)
    {
        string? name = null;
        IReadOnlyList<string>? mergeOn = null;
        var view = false;
        var refreshed = false;
        var columns = new List<(string, string)>();
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
                refreshed = how == "refreshed";
                mergeOn = how.StartsWith("merge on ", StringComparison.Ordinal)
                    ? how["merge on ".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : how is "table" or "view" or "refreshed" ? null
                    : throw new FormatException($"{course}/{file}: materialized must be 'table', 'view', 'refreshed' or 'merge on col, …', not '{how}'");
            }
            else if (header.StartsWith("columns:", StringComparison.Ordinal))
            {
                columns.AddRange(SplitColumns(header["columns:".Length..]).Select(entry =>
                {
                    var parts = entry.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    return parts.Length == 2 ? (parts[0], parts[1]) : throw new FormatException($"{course}/{file}: a column must be 'name type', not '{entry}'");
                }));
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
        // A model's name becomes a catalog table's and an S3 prefix's; "__" marks its runs' tables (gold.x__r…).
        if (!ModelName().IsMatch(name) || name.Contains("__", StringComparison.Ordinal))
        {
            throw new FormatException($"{course}/{file}: a model's name is lower-case letters, digits and single underscores, starting with a letter; '{name}' is not");
        }
        var body = WithoutComments(text);
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
        if (mergeOn is not null && columns.Count == 0)
        {
            throw new FormatException($"{course}/{file}: a merge model declares its columns ('-- columns: name type, …') for its Iceberg table");
        }
        var undeclaredKey = (mergeOn ?? []).Except(columns.Select(c => c.Item1)).ToList();
        if (columns.Count > 0 && undeclaredKey.Count > 0)
        {
            throw new FormatException($"{course}/{file}: the merge key {string.Join(", ", undeclaredKey)} is not among the declared columns");
        }
        return new GoldModel(course, name, reads, text) { MergeOn = mergeOn, IsView = view, IsRefreshed = refreshed, Columns = columns };
    }

    /// <summary>The model's SQL with each <c>silver.x</c> and <c>gold.x</c> it reads renamed by <paramref name="relation"/> (e.g. to the stack's databases).</summary>
    public string Qualified(Func<string, string> relation) =>
        Relations().Replace(Sql, match => relation(match.Value.ToLowerInvariant()));

    /// <summary>SQL without its comment lines (the header and any notes): the statement a query engine runs.</summary>
    public static string WithoutComments(string sql) =>
        string.Join('\n', sql.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    /// <summary>Splits on commas outside parentheses, so <c>decimal(18, 2)</c> stays one type.</summary>
    private static IEnumerable<string> SplitColumns(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }
        if (text[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    [GeneratedRegex(@"(?<![\w.])(?:silver|gold)\.[a-z_][a-z0-9_]*", RegexOptions.IgnoreCase)]
    private static partial Regex Relations();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex ModelName();
}
