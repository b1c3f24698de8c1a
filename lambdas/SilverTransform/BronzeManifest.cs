using System.Text.Json;

namespace SilverTransform;

/// <summary>One part of a bronze run, and the lines the function that wrote it counted in it, when the manifest says.</summary>
public sealed record BronzePart(string Key, long? Lines);

/// <summary>
/// The parts a bronze run's manifest lists, whichever function wrote it: the extract function's <c>parts</c>
/// (each with its <c>rows</c>) and the REST function's <c>pages</c> (each with its <c>records</c>).
/// </summary>
public static class BronzeManifest
{
    /// <exception cref="InvalidDataException">The manifest is not a bronze run's manifest; the message names it and what is wrong.</exception>
    public static IReadOnlyList<BronzePart> Parts(byte[] manifest, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(manifest);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where} is not JSON ({e.Message}): it is not a bronze run's manifest", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{where} is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object: it is not a bronze run's manifest");
            }
            foreach (var (name, count) in new[] { ("parts", "rows"), ("pages", "records") })
            {
                if (document.RootElement.TryGetProperty(name, out var entries) && entries.ValueKind == JsonValueKind.Array)
                {
                    var parts = entries.EnumerateArray().Select((entry, index) => Part(entry, index, name, count, where)).ToList();
                    if (parts.Select(part => part.Key).Distinct(StringComparer.Ordinal).Count() != parts.Count)
                    {
                        throw new InvalidDataException($"{where} lists a part twice in '{name}': its rows would be counted twice");
                    }
                    return parts;
                }
            }
        }
        throw new InvalidDataException($"{where} lists neither parts nor pages: it is not a bronze run's manifest");
    }

    private static BronzePart Part(JsonElement entry, int index, string name, string count, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String || key.GetString() is not { Length: > 0 } text)
        {
            throw new InvalidDataException($"{where}: entry {index} of '{name}' has no key");
        }
        if (!entry.TryGetProperty(count, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return new BronzePart(text, null);
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var lines) && lines >= 0
            ? new BronzePart(text, lines)
            : throw new InvalidDataException($"{where}: entry {index} of '{name}' gives '{count}' as {value.GetRawText()}, not a count");
    }

    /// <summary>The lines of a part that are not blank (gzip when its key ends in <c>.gz</c>), counted without parsing them.</summary>
    /// <exception cref="InvalidDataException">A <c>.gz</c> part that is not gzip, or is cut short; the message names the part.</exception>
    public static long CountLines(string key, byte[] content)
    {
        try
        {
            return Count(key, content);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"the part {key} cannot be read as gzip ({e.Message}): it is damaged or was changed after the run", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the part {key} ends inside its gzip stream: it is truncated", e);
        }
    }

    private static long Count(string key, byte[] content)
    {
        using var stream = key.EndsWith(".gz", StringComparison.Ordinal)
            ? (Stream)new System.IO.Compression.GZipStream(new MemoryStream(content), System.IO.Compression.CompressionMode.Decompress)
            : new MemoryStream(content);
        long lines = 0;
        var pending = false;
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    lines += pending ? 1 : 0;
                    pending = false;
                }
                else if (!Pipelines.Declarations.Data.NdjsonLines.IsBlankByte(b))
                {
                    pending = true;
                }
            }
        }
        return lines + (pending ? 1 : 0);
    }

    /// <summary>The run's folder name (<c>run=…</c>) from the manifest's key.</summary>
    public static string Run(string manifestKey) =>
        manifestKey.Split('/').FirstOrDefault(segment => segment.StartsWith("run=", StringComparison.Ordinal))?[4..]
        ?? throw new ArgumentException($"'{manifestKey}' has no run=… folder", nameof(manifestKey));
}
