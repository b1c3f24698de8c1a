using System.Text;

namespace Infra.Platform.Components.Orchestration;

/// <summary>Amazon States Language intrinsic functions written as the strings a <c>.$</c> field holds.</summary>
public static class Intrinsic
{
    /// <summary>Marks where an argument goes in a <see cref="Format"/> template; it never occurs in SQL or names.</summary>
    public const char Hole = '\u0001';

    /// <summary>
    /// <c>States.Format('…', paths…)</c>: the template's text literal (quotes, braces and backslashes escaped
    /// as the language requires), each <see cref="Hole"/> filled by the next path's value.
    /// </summary>
    public static string Format(string template, params string[] paths)
    {
        var holes = template.Count(c => c == Hole);
        if (holes != paths.Length)
        {
            throw new ArgumentException($"the template has {holes} hole(s) for {paths.Length} argument(s)", nameof(paths));
        }
        var literal = new StringBuilder();
        foreach (var c in template)
        {
            literal.Append(c switch
            {
                Hole => "{}",
                '\'' or '{' or '}' or '\\' => $"\\{c}",
                _ => c.ToString(),
            });
        }
        return $"States.Format('{literal}'{string.Concat(paths.Select(path => ", " + path))})";
    }

    public static string JsonToString(string path) => $"States.JsonToString({path})";

    public static string Array(string path) => $"States.Array({path})";

    public static string Add(string path, int step) => $"States.MathAdd({path}, {step})";
}
