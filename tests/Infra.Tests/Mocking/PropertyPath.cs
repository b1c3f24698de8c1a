using System.Text;

namespace Infra.Tests.Mocking;

/// <summary>A parsed <c>${...}</c> expression: a root name and the property accesses after it.</summary>
public sealed record PropertyPath(string Root, IReadOnlyList<object> Accessors)
{
    public override string ToString()
    {
        var text = new StringBuilder(Root);
        foreach (var accessor in Accessors)
        {
            text.Append(accessor is int index ? $"[{index}]" : $".{accessor}");
        }
        return text.ToString();
    }

    /// <summary>Parses <c>root.a[0]["b c"].d</c>.</summary>
    public static PropertyPath Parse(string expression)
    {
        var position = 0;
        var root = ReadName(expression, ref position);
        if (root.Length == 0)
        {
            throw new MockDeploymentException($"'${{{expression}}}' does not start with a name");
        }
        var accessors = new List<object>();
        while (position < expression.Length)
        {
            switch (expression[position])
            {
                case '.':
                    position++;
                    var name = ReadName(expression, ref position);
                    if (name.Length == 0)
                    {
                        throw new MockDeploymentException($"'${{{expression}}}' has an empty property name");
                    }
                    accessors.Add(name);
                    break;
                case '[':
                    var end = expression.IndexOf(']', position);
                    if (end < 0)
                    {
                        throw new MockDeploymentException($"'${{{expression}}}' has an unclosed '['");
                    }
                    var inside = expression[(position + 1)..end];
                    accessors.Add(inside.StartsWith('"') ? inside.Trim('"') : int.Parse(inside, System.Globalization.CultureInfo.InvariantCulture));
                    position = end + 1;
                    break;
                default:
                    throw new MockDeploymentException($"'${{{expression}}}': unexpected '{expression[position]}'");
            }
        }
        return new PropertyPath(root, accessors);
    }

    private static string ReadName(string expression, ref int position)
    {
        var start = position;
        while (position < expression.Length && expression[position] is not ('.' or '['))
        {
            position++;
        }
        return expression[start..position];
    }
}
