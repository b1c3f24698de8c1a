using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Sql;

namespace Pipelines.DuckDb;

/// <summary>What one silver run did; in = out + duplicates dropped + quarantined, with out counted from the files written.</summary>
public sealed record SilverCounts(long In, long Out, long Duplicates, long Quarantined)
{
    /// <summary>Whether the batch was read with typed fields (false: a value of the wrong type sent it down the text path).</summary>
    public bool TypedRead { get; init; } = true;

    public bool Reconciles => In == Out + Duplicates + Quarantined;
}

/// <summary>
/// One batch of bronze NDJSON (gzip or not) to silver Parquet on this machine: the dataset's silver SQL
/// (<see cref="SilverSql"/>), translated once to DuckDB, rows ordered by natural key so the same input
/// gives the same files; Parquet partitioned as declared; rejected rows as NDJSON with their reason.
/// A re-run replaces what the previous one wrote.
/// </summary>
public static class SilverTransform
{
    public const string QuarantineFile = "rejected.ndjson";

    /// <summary>Inputs above this size run on one thread with a smaller memory limit, so the process stays within 256 MB (docs/benchmarks.md).</summary>
    public const long LargeInputBytes = 256L * 1024 * 1024;

    public static SilverCounts Run(SilverDataset dataset, IReadOnlyList<string> bronzeFiles, string silverFolder, string quarantineFolder, int? threads = null, string? memoryLimit = null)
    {
        if (bronzeFiles.Count == 0)
        {
            throw new ArgumentException($"{dataset.Name}: no bronze files to transform", nameof(bronzeFiles));
        }
        var large = bronzeFiles.Sum(file => new FileInfo(file).Length) > LargeInputBytes;
        threads ??= large ? 1 : 2;
        memoryLimit ??= large ? "100MB" : "200MB";
        using var duck = new DuckDbTables();
        duck.Execute($"SET threads = {threads}; SET memory_limit = {QualitySql.Literal(memoryLimit)}; SET preserve_insertion_order = true");
        var inputs = bronzeFiles;
        IReadOnlyList<MalformedLine> malformed = [];
        // Bronze is parsed once, into typed rows with their reasons; everything after reads those. The reader
        // types the fields itself (fast); a batch holding a value of the wrong type makes it fail, and the
        // batch is read again as text, where that value is quarantined with its reason instead.
        string Read(bool typedBronze) =>
            $"CREATE OR REPLACE TEMP TABLE typed AS {TrinoToDuckDb.Translate(SilverSql.Typed(dataset, $"read_json([{string.Join(", ", inputs.Select(QualitySql.Literal))}], format = 'newline_delimited', columns = {{{BronzeColumns(dataset.Source, typedBronze)}}})", SilverSql.Engine.DuckDb, typedBronze))}";
        var typedRead = true;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                try
                {
                    typedRead = true;
                    duck.Execute(Read(typedBronze: true));
                }
                catch (DuckDB.NET.Data.DuckDBException e) when (e.Message.Contains("JSON transform error", StringComparison.Ordinal) || e.Message.Contains("Conversion Error", StringComparison.Ordinal))
                {
                    typedRead = false;
                    duck.Execute(Read(typedBronze: false));
                }
                break;
            }
            // Any line the reader refuses (not JSON, not UTF-8, a property named twice, …) fails the whole read: then the
            // files are checked line by line, such lines set aside with their reason, and the rest read again once.
            catch (DuckDB.NET.Data.DuckDBException) when (attempt == 0)
            {
                var lists = dataset.Source.Columns.Where(column => column.Type == Declarations.Schema.DataType.List).Select(column => column.Name).ToList();
                (inputs, malformed) = MalformedLines.SetAside(bronzeFiles, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(quarantineFolder))!, "json-checked"), lists);
            }
        }

        if (Directory.Exists(silverFolder))
        {
            Directory.Delete(silverFolder, recursive: true);
        }
        Directory.CreateDirectory(silverFolder);
        Directory.CreateDirectory(quarantineFolder);
        var order = string.Join(", ", dataset.NaturalKey.Select(QualitySql.Id));
        var silver = TrinoToDuckDb.Translate(SilverSql.Latest(dataset, "typed"));
        var target = dataset.Partitions.Count == 0
            ? $"{QualitySql.Literal(Path.Combine(silverFolder, "part-00000.parquet"))} (FORMAT parquet, COMPRESSION zstd)"
            : $"{QualitySql.Literal(silverFolder)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY ({string.Join(", ", dataset.Partitions.Select(p => QualitySql.Id(p.Column)))}), FILENAME_PATTERN 'part-{{i}}', OVERWRITE_OR_IGNORE)";
        duck.Execute($"COPY ({silver} ORDER BY {order}) TO {target}");
        var quarantine = Path.Combine(quarantineFolder, QuarantineFile);
        duck.Execute($"COPY ({TrinoToDuckDb.Translate(SilverSql.Rejected(dataset, "typed", typedRead))} ORDER BY {QualitySql.Id(SilverSql.Reason)}, {string.Join(", ", dataset.NaturalKey.Select(QualitySql.Id))}) TO {QualitySql.Literal(quarantine)} (FORMAT json)");

        MalformedLines.Append(quarantine, malformed);

        var total = duck.Count("SELECT count(*) FROM typed") + malformed.Count;
        var valid = duck.Count($"SELECT count(*) FROM typed WHERE {QualitySql.Id(SilverSql.Reason)} IS NULL");
        // A run whose every row is rejected writes no Parquet, and one with none rejected an empty quarantine: both count 0.
        var written = Directory.EnumerateFiles(silverFolder, "*.parquet", SearchOption.AllDirectories).Any()
            ? duck.Count($"SELECT count(*) FROM read_parquet({QualitySql.Literal(Path.Combine(silverFolder, "**", "*.parquet"))})")
            : 0;
        var rejected = File.Exists(quarantine) && new FileInfo(quarantine).Length > 0
            ? duck.Count($"SELECT count(*) FROM read_json({QualitySql.Literal(quarantine)}, format = 'newline_delimited')")
            : 0;
        return new SilverCounts(total, written, valid - written, rejected) { TypedRead = typedRead };
    }

    /// <summary>The bronze columns as <c>read_json</c> declares them: typed as the schema says, or all text; lists as lists of records.</summary>
    public static string BronzeColumns(Declarations.Schema.DatasetSchema schema, bool typed = false)
    {
        string TypeOf(Declarations.Schema.Column column) => SilverSql.ArrivesTyped(column, typed) ? DuckDbTables.TypeOf(column.Type) : "VARCHAR";
        return string.Join(", ", schema.Columns.Select(column =>
            $"{QualitySql.Literal(column.Name)}: {QualitySql.Literal(column.Type == Declarations.Schema.DataType.List ? $"STRUCT({string.Join(", ", column.Fields!.Select(f => $"{QualitySql.Id(f.Name)} {TypeOf(f)}"))})[]" : TypeOf(column))}"));
    }
}
