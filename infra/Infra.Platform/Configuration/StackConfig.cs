using System.Text.Json;

namespace Infra.Platform.Configuration;

/// <summary>
/// The raw stack configuration, as Pulumi hands it over: full keys such as
/// <c>aws:region</c> or <c>dataplatform:owner</c> mapped to their values as text.
/// Secret values are known only to be present; the synthesizer never needs their content.
/// </summary>
public sealed class StackConfig
{
    private readonly Dictionary<string, string?> _values;

    public StackConfig(IReadOnlyDictionary<string, string?> values) =>
        _values = new Dictionary<string, string?>(values, StringComparer.Ordinal);

    public IEnumerable<string> Keys => _values.Keys.Order(StringComparer.Ordinal);

    public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Reads the JSON object Pulumi passes in PULUMI_CONFIG.</summary>
    public static StackConfig FromJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ConfigError($"PULUMI_CONFIG is not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigError("PULUMI_CONFIG must be a JSON object of config keys to values");
            }
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
            return new StackConfig(values);
        }
    }
}
