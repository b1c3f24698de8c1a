using System.Text.RegularExpressions;

namespace Infra.Model;

/// <summary>
/// The rule for names of resources, variables, config keys and outputs: they share one
/// namespace in a Pulumi YAML program and must be usable as the root of a <c>${...}</c> reference.
/// </summary>
public static partial class LogicalName
{
    public const int MaxLength = 100;

    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !Pattern().IsMatch(name) || name == "pulumi")
        {
            throw new SynthesisException(
                $"'{name}' is not a valid logical name: use 1-{MaxLength} letters, digits, '-' or '_', starting with a letter, and not the reserved name 'pulumi'");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex Pattern();
}
