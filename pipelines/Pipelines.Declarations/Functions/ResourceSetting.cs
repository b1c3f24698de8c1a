namespace Pipelines.Declarations.Functions;

/// <summary>
/// One resource the REST function ingests: its name, how it pages, and the timestamp field its watermark
/// follows. The form <c>name=offset|next:field</c> of <see cref="RestIngestionContract.ResourcesVariable"/>
/// is written (<see cref="Setting"/>) and read (<see cref="ParseList"/>) here only.
/// </summary>
public sealed record ResourceSetting(string Name, bool FollowsNextLinks, string WatermarkField)
{
    public string Setting => $"{Name}={(FollowsNextLinks ? "next" : "offset")}:{WatermarkField}";

    /// <summary>Parses <c>name=offset|next:field</c>, comma-separated.</summary>
    public static IReadOnlyList<ResourceSetting> ParseList(string text, string variable)
    {
        var settings = new List<ResourceSetting>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', ':');
            if (parts.Length != 3 || parts[1] is not ("offset" or "next") || parts[0].Length == 0 || parts[2].Length == 0
                || !parts[0].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new InvalidOperationException($"{variable}: '{entry}' is not name=offset:field or name=next:field");
            }
            settings.Add(new ResourceSetting(parts[0], parts[1] == "next", parts[2]));
        }
        if (settings.Count == 0)
        {
            throw new InvalidOperationException($"{variable} names no resource: set it to e.g. users=offset:updated_at");
        }
        return settings;
    }
}
