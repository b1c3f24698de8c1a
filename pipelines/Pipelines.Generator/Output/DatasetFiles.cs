using System.Text;
using System.Text.Json;
using Pipelines.Generator;

namespace Pipelines.Generator.Output;

/// <summary>The formats <see cref="DatasetFiles.Write"/> can produce.</summary>
[Flags]
public enum DataFormats
{
    Ndjson = 1,
    Csv = 2,
    MySql = 4,
    PostgreSql = 8,
    All = Ndjson | Csv | MySql | PostgreSql,
}

/// <summary>
/// Writes generated data to a folder: <c>ndjson/</c> (every dataset), <c>csv/</c> (flat ones),
/// <c>sql/mysql.sql</c> and <c>sql/postgresql.sql</c> (the relational source), <c>bad_rows.ndjson</c>
/// (every spoiled row and how) and <c>manifest.json</c> (settings and counts).
/// </summary>
public static class DatasetFiles
{
    public const string ManifestFile = "manifest.json";
    public const string BadRowsFile = "bad_rows.ndjson";

    public static IReadOnlyList<(string Dataset, long Rows, int BadRows)> Write(CourseData data, string folder, DataFormats formats = DataFormats.All)
    {
        Directory.CreateDirectory(folder);
        var summary = new List<(string, long, int)>();
        foreach (var dataset in data.All)
        {
            var name = dataset.Schema.Name;
            if (formats.HasFlag(DataFormats.Ndjson))
            {
                using var file = Create(folder, "ndjson", $"{name}.ndjson");
                NdjsonWriter.Write(dataset.Schema, dataset.Rows(), file);
            }
            if (formats.HasFlag(DataFormats.Csv) && dataset.Schema.IsFlat)
            {
                using var file = new StreamWriter(Create(folder, "csv", $"{name}.csv"), new UTF8Encoding(false));
                CsvWriter.Write(dataset.Schema, dataset.Rows(), file);
            }
            summary.Add((name, dataset.RowCount, dataset.BadRows().Count()));
        }
        foreach (var (format, dialect) in new[] { (DataFormats.MySql, SqlDialect.MySql), (DataFormats.PostgreSql, SqlDialect.PostgreSql) })
        {
            if (formats.HasFlag(format))
            {
                using var file = new StreamWriter(Create(folder, "sql", $"{dialect.Name}.sql"), new UTF8Encoding(false));
                SqlScriptWriter.Write(dialect, data.Relational, file);
            }
        }
        WriteBadRows(data, folder);
        WriteManifest(data, summary, folder);
        return summary;
    }

    private static FileStream Create(string folder, string subfolder, string file)
    {
        var directory = Path.Combine(folder, subfolder);
        Directory.CreateDirectory(directory);
        return File.Create(Path.Combine(directory, file));
    }

    private static void WriteBadRows(CourseData data, string folder)
    {
        using var file = File.Create(Path.Combine(folder, BadRowsFile));
        foreach (var bad in data.All.SelectMany(dataset => dataset.BadRows()))
        {
            using (var json = new Utf8JsonWriter(file))
            {
                json.WriteStartObject();
                json.WriteString("dataset", bad.Dataset);
                json.WriteString("key", bad.Key);
                json.WriteString("kind", bad.Kind.ToString());
                json.WriteString("column", bad.Column);
                json.WriteEndObject();
            }
            file.WriteByte((byte)'\n');
        }
    }

    private static void WriteManifest(CourseData data, IReadOnlyList<(string Dataset, long Rows, int BadRows)> summary, string folder)
    {
        using var file = File.Create(Path.Combine(folder, ManifestFile));
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("seed", data.Settings.Seed);
        json.WriteNumber("scale", data.Settings.Scale);
        json.WriteNumber("badRowRate", data.Settings.BadRowRate);
        json.WriteStartArray("datasets");
        foreach (var (dataset, rows, bad) in summary)
        {
            json.WriteStartObject();
            json.WriteString("name", dataset);
            json.WriteNumber("rows", rows);
            json.WriteNumber("badRows", bad);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
