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
    public static IReadOnlyList<BronzePart> Parts(byte[] manifest, string where)
    {
        using var document = JsonDocument.Parse(manifest);
        foreach (var (name, count) in new[] { ("parts", "rows"), ("pages", "records") })
        {
            if (document.RootElement.TryGetProperty(name, out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                return [.. entries.EnumerateArray().Select(entry => new BronzePart(
                    entry.GetProperty("key").GetString() ?? throw new InvalidDataException($"{where}: an entry of '{name}' has no key"),
                    entry.TryGetProperty(count, out var value) && value.TryGetInt64(out var lines) ? lines : null))];
            }
        }
        throw new InvalidDataException($"{where} lists neither parts nor pages: it is not a bronze run's manifest");
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
