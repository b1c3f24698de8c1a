using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pipelines.Data.Sql;

namespace Pipelines.DuckDb;

/// <summary>A bronze line that is not a JSON object, where it was, and why it was set aside.</summary>
public sealed record MalformedLine(string File, long LineNumber, string Line, string Reason);

/// <summary>
/// Sets aside the bronze lines no JSON reader accepts (a producer's cut-short record), so the rest of the
/// batch transforms and those lines reach the quarantine with their reason instead of failing the run.
/// </summary>
public static class MalformedLines
{
    /// <summary>Copies the files without their malformed lines into <paramref name="folder"/>; returns the copies and the lines set aside.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<MalformedLine> Malformed) SetAside(IReadOnlyList<string> files, string folder)
    {
        Directory.CreateDirectory(folder);
        var clean = new List<string>();
        var malformed = new List<MalformedLine>();
        foreach (var file in files)
        {
            var copy = Path.Combine(folder, $"{clean.Count:D5}-{Path.GetFileName(file)}");
            using (var input = new StreamReader(Open(file), Encoding.UTF8))
            using (var output = new StreamWriter(new GZipStream(File.Create(copy), CompressionLevel.Fastest), new UTF8Encoding(false)))
            {
                long number = 0;
                while (input.ReadLine() is { } line)
                {
                    number++;
                    if (line.Length == 0)
                    {
                        continue;
                    }
                    if (Problem(line) is { } reason)
                    {
                        malformed.Add(new MalformedLine(Path.GetFileName(file), number, line, reason));
                    }
                    else
                    {
                        output.Write(line);
                        output.Write('\n');
                    }
                }
            }
            clean.Add(copy);
        }
        return (clean, malformed);
    }

    /// <summary>Adds the set-aside lines to the quarantine file, one JSON object each with the raw line and the reason.</summary>
    public static void Append(string quarantineFile, IReadOnlyList<MalformedLine> malformed)
    {
        if (malformed.Count == 0)
        {
            return;
        }
        using var output = new FileStream(quarantineFile, FileMode.Append);
        foreach (var line in malformed)
        {
            // Written field by field: the function is trimmed for Native AOT, where reflection-based JSON is not kept.
            using (var json = new Utf8JsonWriter(output))
            {
                json.WriteStartObject();
                json.WriteString("_raw_line", line.Line);
                json.WriteString("_source", $"{line.File}:{line.LineNumber}");
                json.WriteString(SilverSql.Reason, line.Reason);
                json.WriteEndObject();
            }
            output.WriteByte((byte)'\n');
        }
    }

    private static string? Problem(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : $"not_json_object(the line is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()})";
        }
        catch (JsonException e)
        {
            return $"not_json({e.Message})";
        }
    }

    private static Stream Open(string file)
    {
        var stream = File.OpenRead(file);
        return file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
