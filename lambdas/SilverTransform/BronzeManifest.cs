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

    /// <summary>The run's folder name (<c>run=…</c>) from the manifest's key.</summary>
    public static string Run(string manifestKey) =>
        manifestKey.Split('/').FirstOrDefault(segment => segment.StartsWith("run=", StringComparison.Ordinal))?[4..]
        ?? throw new ArgumentException($"'{manifestKey}' has no run=… folder", nameof(manifestKey));
}
