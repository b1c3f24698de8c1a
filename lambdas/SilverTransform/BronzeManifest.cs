using System.Text.Json;

namespace SilverTransform;

/// <summary>
/// The object keys a bronze run's manifest lists, whichever function wrote it: the REST function's
/// <c>pages</c> and the extract function's <c>parts</c> both hold objects with a <c>key</c>.
/// </summary>
public static class BronzeManifest
{
    public static IReadOnlyList<string> Keys(byte[] manifest, string where)
    {
        using var document = JsonDocument.Parse(manifest);
        foreach (var name in new[] { "parts", "pages" })
        {
            if (document.RootElement.TryGetProperty(name, out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                return [.. entries.EnumerateArray().Select(entry => entry.GetProperty("key").GetString()
                    ?? throw new InvalidDataException($"{where}: an entry of '{name}' has no key"))];
            }
        }
        throw new InvalidDataException($"{where} lists neither parts nor pages: it is not a bronze run's manifest");
    }

    /// <summary>
    /// The lines each part holds, as the function that wrote it counted them (a part's <c>rows</c>, a page's
    /// <c>records</c>), by key; empty when the manifest does not say.
    /// </summary>
    public static IReadOnlyDictionary<string, long> LinesByKey(byte[] manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        foreach (var (list, count) in new[] { ("parts", "rows"), ("pages", "records") })
        {
            if (document.RootElement.TryGetProperty(list, out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                var lines = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var entry in entries.EnumerateArray())
                {
                    if (entry.TryGetProperty("key", out var key) && key.GetString() is { } name && entry.TryGetProperty(count, out var value) && value.TryGetInt64(out var number))
                    {
                        lines[name] = number;
                    }
                }
                return lines;
            }
        }
        return new Dictionary<string, long>();
    }

    /// <summary>The non-empty lines of a part (gzip when its key ends in <c>.gz</c>), counted without parsing them.</summary>
    public static long CountLines(string key, byte[] content)
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
                else if (b != (byte)'\r')
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
