using System.Globalization;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Schema;

namespace Pipelines.Declarations.Sql;

/// <summary>
/// The silver logic of a dataset — typing, validation, deduplication — as SQL in Athena's (Trino)
/// dialect over a bronze relation whose columns are all text (as the bronze tables declare them).
/// The function runs it per batch on DuckDB (through <see cref="TrinoToDuckDb"/>); a backfill runs it
/// on Athena over months of bronze. One declaration, both engines.
/// </summary>
public static class SilverSql
{
    public const string Reason = "_reason";

    /// <summary>The engines the SQL is written for; they differ only in how a list of records is exploded (see <see cref="Source"/>).</summary>
    public enum Engine
    {
        Athena,
        DuckDb,
    }

    public static string TypeOf(DataType type) => type switch
    {
        DataType.Integer => "bigint",
        DataType.Decimal => Pipelines.Declarations.Data.DecimalColumns.Type,
        DataType.Text => "varchar",
        DataType.Date => "date",
        DataType.Timestamp => "timestamp",
        DataType.Boolean => "boolean",
        _ => throw new NotSupportedException($"{type} columns are not typed in silver yet"),
    };

    /// <summary>
    /// A text column as its type. Bronze timestamps are ISO 8601 UTC (<c>2003-01-06T00:00:00Z</c>); a
    /// plain cast of that form differs between the engines, so the separator and zone are removed first.
    /// </summary>
    public static string Typed(Column column) => column.Type == DataType.Timestamp
        ? $"try_cast(replace(replace({QualitySql.Id(column.Name)}, 'T', ' '), 'Z', '') AS timestamp)"
        : $"try_cast({QualitySql.Id(column.Name)} AS {TypeOf(column.Type)})";

    /// <summary>
    /// Every bronze row, typed, with the first rule it breaks (null when valid); the text as it arrived is
    /// kept only for broken rows (<c>_raw_…</c>), which is all the quarantine needs.
    /// </summary>
    /// <param name="typedBronze">
    /// The bronze relation already has the columns' types (a typed reader or a typed bronze table), so no cast
    /// and no type check is needed; readers fail the whole batch on a value of the wrong type, and the text
    /// form (false) is the fallback that quarantines such values instead.
    /// </param>
    public static string Typed(SilverDataset dataset, string bronze, Engine engine = Engine.Athena, bool typedBronze = false)
    {
        var columns = Flat(dataset).ToList();
        var typed = columns.Select(column => $"{(ArrivesTyped(column, typedBronze) ? QualitySql.Id(column.Name) : Typed(column))} AS {QualitySql.Id(column.Name)}");
        // A column the reader typed is its own raw form; only a cast one keeps its text, and only for rejected rows.
        var raw = columns.Where(column => !ArrivesTyped(column, typedBronze))
            .Select(column => $"CASE WHEN {QualitySql.Id(Reason)} IS NOT NULL THEN {QualitySql.Id(column.Name)} END AS {QualitySql.Id(RawOf(column))}");
        return $"SELECT {string.Join(", ", typed.Concat(raw))}, {QualitySql.Id(Reason)} FROM (SELECT *, {ReasonOf(dataset, columns, typedBronze)} AS {QualitySql.Id(Reason)} FROM {Source(dataset, bronze, engine, typedBronze)}) AS checked";
    }

    /// <summary>
    /// The bronze rows as flat text columns. For an exploded dataset, one row per item: Trino's UNNEST of an
    /// array of rows yields the rows' fields as columns, DuckDB's a single struct, so the one difference the
    /// translation cannot make is written here, from the same declaration, for each engine.
    /// </summary>
    public static string Source(SilverDataset dataset, string bronze, Engine engine, bool typedBronze = false)
    {
        if (dataset.Explode is not { } list)
        {
            return bronze;
        }
        var parents = dataset.Source.Columns.Where(column => column.Type != DataType.List).Select(column => $"b.{QualitySql.Id(column.Name)}");
        var fields = dataset.Source.Columns.Single(column => column.Name == list).Fields!;
        var items = fields.Select(field => $"item.{QualitySql.Id(field.Name)}");
        var index = QualitySql.Id(SilverDataset.ItemIndex);
        var unnest = engine == Engine.Athena
            ? $"UNNEST(b.{QualitySql.Id(list)}) WITH ORDINALITY AS item({string.Join(", ", fields.Select(field => QualitySql.Id(field.Name)))}, {index})"
            : $"LATERAL (SELECT {string.Join(", ", fields.Select(field => $"u.entry.{QualitySql.Id(field.Name)} AS {QualitySql.Id(field.Name)}"))}, u.{index} FROM UNNEST(b.{QualitySql.Id(list)}) WITH ORDINALITY AS u(entry, {index})) AS item";
        return $"(SELECT {string.Join(", ", parents.Concat(items))}, CAST(item.{index} AS {(typedBronze ? "bigint" : "varchar")}) AS {index} FROM {bronze} AS b CROSS JOIN {unnest}) AS exploded";
    }

    /// <summary>The silver rows from bronze in one statement, as a backfill on Athena runs it (CTAS or INSERT … SELECT).</summary>
    public static string Silver(SilverDataset dataset, string bronze, Engine engine = Engine.Athena) => $"WITH typed AS ({Typed(dataset, bronze, engine)}) {Latest(dataset, "typed")}";

    /// <summary>From typed rows (<see cref="Typed(SilverDataset, string, Engine)"/>): the valid ones, the latest of each natural key, with the partition columns.</summary>
    public static string Latest(SilverDataset dataset, string typed)
    {
        var columns = Flat(dataset).Select(column => QualitySql.Id(column.Name)).ToList();
        var order = (dataset.LatestBy is { } latest ? [$"{QualitySql.Id(latest)} DESC"] : new List<string>()).Concat(columns);
        var partitions = dataset.Partitions.Select(partition => $"{partition.Expression} AS {QualitySql.Id(partition.Column)}");
        return $"""
            SELECT {string.Join(", ", columns.Concat(partitions))} FROM (
              SELECT {string.Join(", ", columns)}, row_number() OVER (PARTITION BY {string.Join(", ", dataset.NaturalKey.Select(QualitySql.Id))} ORDER BY {string.Join(", ", order)}) AS "_copy"
              FROM {typed} WHERE {QualitySql.Id(Reason)} IS NULL
            ) AS ranked WHERE "_copy" = 1
            """;
    }

    /// <summary>
    /// Silver as it stands after every run so far: over the run files of a dataset (each run deduplicated
    /// already), the latest row of each natural key — by the dataset's latest-by column, then by the run, which
    /// starts the file's name (<c>{run}-part-0.parquet</c>). <paramref name="path"/> is the column holding each
    /// row's file path: <see cref="AthenaPath"/> on Athena, <c>filename</c> on DuckDB.
    /// </summary>
    public static string Current(SilverDataset dataset, string runs, string path)
    {
        var columns = Flat(dataset).Select(column => QualitySql.Id(column.Name)).Concat(dataset.Partitions.Select(p => QualitySql.Id(p.Column))).ToList();
        var order = (dataset.LatestBy is { } latest ? [$"{QualitySql.Id(latest)} DESC NULLS LAST"] : new List<string>())
            .Append($"regexp_extract({path}, '[^/]*$') DESC");
        // A snapshot dataset reads its latest run only: what the source no longer holds is gone.
        var run = $"regexp_extract({path}, '([^/]*)-part-[0-9]+\\.parquet$', 1)";
        var latestRunOnly = dataset.Snapshot ? $"\n  WHERE {run} = (SELECT max({run}) FROM {runs})" : "";
        return $"""
            SELECT {string.Join(", ", columns)} FROM (
              SELECT {string.Join(", ", columns)}, row_number() OVER (PARTITION BY {string.Join(", ", dataset.NaturalKey.Select(QualitySql.Id))} ORDER BY {string.Join(", ", order)}) AS "_current"
              FROM {runs}{latestRunOnly}
            ) AS ranked WHERE "_current" = 1
            """;
    }

    /// <summary>The column Athena gives every row of a table over files: the file's path.</summary>
    public const string AthenaPath = "\"$path\"";

    /// <summary>From typed rows (<see cref="Typed(SilverDataset, string, Engine, bool)"/> with the same <paramref name="typedBronze"/>): the rejected ones as they arrived, with the reason.</summary>
    public static string Rejected(SilverDataset dataset, string typed, bool typedBronze = false) =>
        $"SELECT {string.Join(", ", Flat(dataset).Select(column => $"{QualitySql.Id(ArrivesTyped(column, typedBronze) ? column.Name : RawOf(column))} AS {QualitySql.Id(column.Name)}"))}, {QualitySql.Id(Reason)} FROM {typed} WHERE {QualitySql.Id(Reason)} IS NOT NULL";

    private static string RawOf(Column column) => "_raw_" + column.Name;

    private static IEnumerable<Column> Flat(SilverDataset dataset) => dataset.Columns;

    /// <summary>The first broken rule, in declaration order: a missing value, a value of the wrong type, then the row rules.</summary>
    private static string ReasonOf(SilverDataset dataset, IReadOnlyList<Column> columns, bool typedBronze)
    {
        var cases = new List<string>();
        foreach (var column in columns)
        {
            var id = QualitySql.Id(column.Name);
            if (column.IsRequired)
            {
                cases.Add($"WHEN {id} IS NULL THEN {QualitySql.Literal(new NotNull(column.Name).Name)}");
            }
            if (column.Type != DataType.Text && !ArrivesTyped(column, typedBronze))
            {
                cases.Add($"WHEN {id} IS NOT NULL AND {Typed(column)} IS NULL THEN {QualitySql.Literal($"type({column.Name}, {TypeOf(column.Type)})")}");
            }
            if (column.Type == DataType.Decimal)
            {
                // The cast rounds past the declared scale: a value it would change is quarantined instead. Plain text shows a
                // digit past the scale; an exponent form is compared as a double (which holds every value the type does).
                var places = Pipelines.Declarations.Data.DecimalColumns.Scale.ToString(CultureInfo.InvariantCulture);
                cases.Add($"WHEN regexp_like({id}, '\\.[0-9]{{{places}}}[0-9]*[1-9]') OR (regexp_like({id}, '[eE]') AND try_cast({id} AS double) <> {Typed(column)}) "
                    + $"THEN {QualitySql.Literal($"decimal_places({column.Name}, {places})")}");
            }
        }
        foreach (var rule in dataset.ExtraRules.Where(rule => rule.IsRowRule))
        {
            var column = columns.First(c => c.Name == RuleColumn(rule));
            var value = ArrivesTyped(column, typedBronze) ? QualitySql.Id(column.Name) : Typed(column);
            var broken = rule switch
            {
                InRange r => string.Join(" OR ", new[]
                {
                    r.Min is { } min ? $"{value} < {min.ToString(CultureInfo.InvariantCulture)}" : null,
                    r.Max is { } max ? $"{value} > {max.ToString(CultureInfo.InvariantCulture)}" : null,
                }.OfType<string>()),
                AcceptedValues r => $"{value} NOT IN ({string.Join(", ", r.Values.Select(QualitySql.Literal))})",
                NotNull r => $"{QualitySql.Id(r.Column)} IS NULL",
                _ => throw new NotSupportedException($"no silver check for {rule.Name}"),
            };
            cases.Add($"WHEN {broken} THEN {QualitySql.Literal(rule.Name)}");
        }
        // A partition value outside the catalog's declared range would be written where no query sees it.
        foreach (var partition in dataset.Partitions)
        {
            var source = columns.First(c => c.Name == partition.Source);
            var value = partition.Over(ArrivesTyped(source, typedBronze) ? QualitySql.Id(source.Name) : Typed(source));
            cases.Add($"WHEN {value} NOT BETWEEN {partition.RangeFrom.ToString(CultureInfo.InvariantCulture)} AND {partition.RangeTo.ToString(CultureInfo.InvariantCulture)} THEN {QualitySql.Literal(partition.RangeRule)}");
        }
        return cases.Count == 0 ? "CAST(NULL AS varchar)" : $"CASE {string.Join(" ", cases)} END";
    }

    /// <summary>
    /// Whether a typed reader gives the column its type already. Never a decimal: a reader rounds past the declared scale
    /// without a word, so decimals arrive as their text and are cast here, where a value the cast would change is caught.
    /// </summary>
    public static bool ArrivesTyped(Column column, bool typedBronze) => typedBronze && column.Type != DataType.Decimal;

    private static string RuleColumn(QualityRule rule) => rule switch
    {
        InRange r => r.Column,
        AcceptedValues r => r.Column,
        NotNull r => r.Column,
        _ => throw new NotSupportedException(rule.Name),
    };
}
