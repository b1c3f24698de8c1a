using System.Text;

namespace Infra.Platform;

/// <summary>Joins words into one PascalCase name of letters and digits: statement ids, output names.</summary>
public static class PascalCase
{
    public static string Of(params string[] words)
    {
        var sid = new StringBuilder();
        foreach (var word in words)
        {
            var upper = true;
            foreach (var c in word)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }
                sid.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
        }
        return sid.ToString();
    }
}
