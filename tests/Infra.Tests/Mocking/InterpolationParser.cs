using System.Text;

namespace Infra.Tests.Mocking;

/// <summary>Splits a Pulumi YAML string into literal text and <c>${...}</c> references; <c>$${</c> is a literal <c>${</c>.</summary>
public static class InterpolationParser
{
    /// <returns>Strings for literal text and <see cref="PropertyPath"/>s for references.</returns>
    public static IReadOnlyList<object> Parse(string text)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, "$${", 0, 3) == 0)
            {
                literal.Append("${");
                i += 3;
            }
            else if (string.CompareOrdinal(text, i, "${", 0, 2) == 0)
            {
                var end = text.IndexOf('}', i);
                if (end < 0)
                {
                    throw new MockDeploymentException($"unterminated '${{' in '{text}'");
                }
                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }
                parts.Add(PropertyPath.Parse(text[(i + 2)..end]));
                i = end + 1;
            }
            else
            {
                literal.Append(text[i]);
                i++;
            }
        }
        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(literal.ToString());
        }
        return parts;
    }
}
