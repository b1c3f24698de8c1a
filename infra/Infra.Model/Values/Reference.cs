using System.Text.RegularExpressions;

namespace Infra.Model.Values;

/// <summary>
/// A reference to a resource, variable or config value of the program, optionally to a
/// property of it: written <c>${root}</c> or <c>${root.path}</c>.
/// </summary>
public sealed partial record Reference : Value
{
    public Reference(string root, string? path = null)
    {
        LogicalName.Validate(root);
        if (path is not null && !PropertyPathPattern().IsMatch(path))
        {
            throw new ArgumentException(
                $"'{path}' is not a valid property path of '{root}': use names and [index] separated by '.'", nameof(path));
        }
        Root = root;
        Path = path;
    }

    public string Root { get; }

    public string? Path { get; }

    /// <summary>A reference to a property below this one.</summary>
    public Reference Attr(string path) => new(Root, Path is null ? path : $"{Path}.{path}");

    public string Expression => Path is null ? Root : $"{Root}.{Path}";

    public override string ToString() => "${" + Expression + "}";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*)*$")]
    private static partial Regex PropertyPathPattern();
}
