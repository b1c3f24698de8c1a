using System.Text;

namespace Infra.Tests.Support;

/// <summary>Splits a command line into words the way a POSIX shell does for quotes and backslashes (no expansion).</summary>
public static class ShellWords
{
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = null; else word.Append(c);
            }
            else if (quote == '"')
            {
                if (c == '"') quote = null;
                else if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$') word.Append(command[++i]);
                else word.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
            }
            else
            {
                inWord = true;
                if (c is '\'' or '"') quote = c;
                else if (c == '\\' && i + 1 < command.Length) word.Append(command[++i]);
                else word.Append(c);
            }
        }
        if (quote is not null) throw new FormatException($"unterminated quote in '{command}'");
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
