using System.Text;

namespace Infra.Platform.Iam;

/// <summary>Builds a statement id (letters and digits only) from words such as a verb and resource names.</summary>
public static class StatementId
{
    public static string From(params string[] words)
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
