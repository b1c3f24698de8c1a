using System.Text.RegularExpressions;
using Infra.Model;

namespace Infra.Platform.Iam;

/// <summary>
/// The IAM action names of the services the platform uses, generated from iam-floyd's
/// service catalog (infra/Infra.Providers). IAM ignores an unknown action, so a typo would
/// first show as AccessDenied in production; here it fails synthesis instead.
/// </summary>
public static class IamActions
{
    private const string ResourceName = "iam-actions.txt";

    private static readonly Lazy<(HashSet<string> Actions, HashSet<string> Services)> Catalog = new(Load);

    public static bool IsKnown(string action) => Catalog.Value.Actions.Contains(action);

    /// <summary>Throws naming the statement when an action is not of the form service:Action or is unknown.</summary>
    public static void Check(string sid, string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == action.Length - 1)
        {
            throw new SynthesisException($"policy statement {sid}: '{action}' is not an IAM action of the form service:Action");
        }
        var service = action[..colon];
        var name = action[(colon + 1)..];
        if (!Catalog.Value.Services.Contains(service))
        {
            throw new SynthesisException(
                $"policy statement {sid}: action '{action}' names service '{service}', which is not in the checked list; add it to iamServices in infra/Infra.Providers/resources.json and regenerate");
        }
        if (name == "*")
        {
            return;
        }
        if (name.Contains('*', StringComparison.Ordinal))
        {
            var pattern = new Regex("^" + Regex.Escape(action).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase);
            if (!Catalog.Value.Actions.Any(pattern.IsMatch))
            {
                throw new SynthesisException($"policy statement {sid}: '{action}' matches no action of {service}");
            }
            return;
        }
        if (!Catalog.Value.Actions.Contains(action))
        {
            var similar = Catalog.Value.Actions.Where(known => known.StartsWith(service + ":", StringComparison.Ordinal)
                    && string.Equals(known, action, StringComparison.OrdinalIgnoreCase))
                .ToList();
            throw new SynthesisException($"policy statement {sid}: '{action}' is not an action of {service}" +
                (similar.Count > 0 ? $" (did you mean '{similar[0]}'?)" : ""));
        }
    }

    private static (HashSet<string>, HashSet<string>) Load()
    {
        using var stream = typeof(Infra.Providers.Aws.Index.Region).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the generated IAM action list '{ResourceName}' is not embedded");
        using var reader = new StreamReader(stream);
        var actions = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                actions.Add(line);
            }
        }
        var services = actions.Select(a => a[..a.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        return (actions, services);
    }
}
