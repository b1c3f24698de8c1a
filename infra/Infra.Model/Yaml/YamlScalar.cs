using System.Globalization;
using System.Text;

namespace Infra.Model.Yaml;

/// <summary>
/// Writes one YAML scalar so that any YAML 1.1 or 1.2 parser reads back exactly the same
/// string: plain when that is unambiguous, double-quoted otherwise.
/// </summary>
public static class YamlScalar
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<",
    };

    public static string String(string text) => CanBePlain(text) ? text : DoubleQuoted(text);

    public static string Integer(long number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Number(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new SynthesisException($"{number} cannot be written to a Pulumi program");
        }
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Bool(bool flag) => flag ? "true" : "false";

    private static bool CanBePlain(string text)
    {
        if (text.Length == 0 || Reserved.Contains(text))
        {
            return false;
        }
        var first = text[0];
        if (!(char.IsAsciiLetter(first) || first is '$' or '/' or '_'))
        {
            return false;
        }
        if (text[^1] is ' ' or ':')
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '$' or '{' or '}' or '@' or '=' or '+' or ' '))
            {
                return false;
            }
        }
        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains("  ", StringComparison.Ordinal);
    }

    /// <summary>A double-quoted scalar; its escapes are also valid in JSON and JavaScript string literals.</summary>
    public static string DoubleQuoted(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
