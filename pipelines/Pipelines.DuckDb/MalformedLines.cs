using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pipelines.Declarations.Sql;

namespace Pipelines.DuckDb;

/// <summary>A bronze line that is not a JSON object, where it was, and why it was set aside.</summary>
public sealed record MalformedLine(string File, long LineNumber, string Line, string Reason);

/// <summary>
/// Sets aside the bronze lines the reader cannot take as rows — not UTF-8, not JSON (a producer's cut-short
/// record), not an object, a property named twice, a string no engine can represent — so the rest of the batch
/// transforms and those lines reach the quarantine with their reason instead of failing the run. Nothing is
/// changed on the way: a line is either copied byte for byte or set aside.
/// </summary>
public static class MalformedLines
{
    /// <summary>Copies the files without their malformed lines into <paramref name="folder"/>; returns the copies and the lines set aside.</summary>
    /// <param name="lists">The columns that hold a list of records: a line where one holds anything else is set aside too.</param>
    public static (IReadOnlyList<string> Files, IReadOnlyList<MalformedLine> Malformed) SetAside(IReadOnlyList<string> files, string folder, IReadOnlyList<string> lists)
    {
        Directory.CreateDirectory(folder);
        var clean = new List<string>();
        var malformed = new List<MalformedLine>();
        foreach (var file in files)
        {
            // The copy is gzip whatever the input was; DuckDB knows compression by the name.
            var name = Path.GetFileName(file);
            var copy = Path.Combine(folder, $"{clean.Count:D5}-{name}{(name.EndsWith(".gz", StringComparison.Ordinal) ? "" : ".gz")}");
            var kept = 0;
            using (var input = Open(file))
            using (var output = new GZipStream(File.Create(copy), CompressionLevel.Fastest))
            {
                long number = 0;
                foreach (var line in Lines(input))
                {
                    number++;
                    if (Pipelines.Declarations.Data.NdjsonLines.IsBlank(line))
                    {
                        continue;
                    }
                    if (Problem(line, lists) is { } reason)
                    {
                        // A line that is not UTF-8 is kept as its bytes would read with replacement characters: the reason says so.
                        malformed.Add(new MalformedLine(Path.GetFileName(file), number, Encoding.UTF8.GetString(line), reason));
                    }
                    else
                    {
                        output.Write(line);
                        output.WriteByte((byte)'\n');
                        kept++;
                    }
                }
            }
            if (kept == 0)
            {
                // Nothing written leaves no gzip header at all, which the reader refuses: an empty plain file reads as no rows.
                File.Delete(copy);
                copy = copy[..^".gz".Length];
                File.WriteAllBytes(copy, []);
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

    /// <summary>Why a line cannot be read as one bronze row, or null: bytes that are not UTF-8, not JSON, not an object, or an object DuckDB would refuse.</summary>
    private static string? Problem(byte[] line, IReadOnlyList<string> lists)
    {
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            return "not_unicode(the line holds bytes that are not UTF-8)";
        }
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? $"not_json_object(the line is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()})"
                : Unreadable(document.RootElement) ?? NotAList(document.RootElement, lists);
        }
        catch (JsonException e)
        {
            return $"not_json({e.Message})";
        }
    }

    /// <summary>A list column holding something other than a list of records (or null): a number, a string, a list of numbers.</summary>
    private static string? NotAList(JsonElement row, IReadOnlyList<string> lists)
    {
        foreach (var name in lists)
        {
            if (row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                && (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))))
            {
                return $"not_a_list_of_records({name})";
            }
        }
        return null;
    }

    /// <summary>A property named twice in one object, or a string no engine can represent (a lone surrogate escape), anywhere in the value.</summary>
    private static string? Unreadable(JsonElement value)
    {
        try
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        if (!names.Add(property.Name))
                        {
                            return $"repeated_property(the property '{property.Name}' appears twice in one object)";
                        }
                        if (Unreadable(property.Value) is { } inner)
                        {
                            return inner;
                        }
                    }
                    return null;
                case JsonValueKind.Array:
                    return value.EnumerateArray().Select(Unreadable).FirstOrDefault(problem => problem is not null);
                case JsonValueKind.String:
                    _ = value.GetString();
                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return $"not_unicode({Pipelines.Declarations.Functions.RecordFaults.UnrepresentableString})";
        }
    }

    /// <summary>The stream's lines as bytes, without their line feed (and a carriage return before it).</summary>
    private static IEnumerable<byte[]> Lines(Stream input)
    {
        var buffered = new BufferedStream(input, 1 << 16);
        var line = new MemoryStream();
        int next;
        while ((next = buffered.ReadByte()) >= 0)
        {
            if (next == '\n')
            {
                yield return Trimmed(line);
                line.SetLength(0);
            }
            else
            {
                line.WriteByte((byte)next);
            }
        }
        if (line.Length > 0)
        {
            yield return Trimmed(line);
        }
    }

    private static byte[] Trimmed(MemoryStream line)
    {
        var bytes = line.ToArray();
        return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
    }

    private static Stream Open(string file)
    {
        var stream = File.OpenRead(file);
        return file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
