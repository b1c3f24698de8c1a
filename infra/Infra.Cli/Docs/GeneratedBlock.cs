using System.Text.RegularExpressions;

namespace Infra.Cli.Docs;

/// <summary>
/// A part of a hand-written page that a command writes: between <c>&lt;!-- begin generated: NAME --&gt;</c> and
/// <c>&lt;!-- end generated: NAME --&gt;</c>. The prose around it stays the author's; the block is never edited by hand.
/// </summary>
public static partial class GeneratedBlock
{
    public static string Begin(string name) => $"<!-- begin generated: {name} (./infra/dataplatform docs; do not edit) -->";

    public static string End(string name) => $"<!-- end generated: {name} -->";

    /// <summary>The names of the blocks a page holds, in order.</summary>
    public static IReadOnlyList<string> Names(string page) => [.. BeginPattern().Matches(page).Select(m => m.Groups[1].Value)];

    /// <summary>The page with the named block's content replaced; a page without that block is an error that says so.</summary>
    public static string Replace(string page, string name, string content)
    {
        var begin = Begin(name);
        var end = End(name);
        var start = page.IndexOf(begin, StringComparison.Ordinal);
        var stop = page.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"the page has no generated block '{name}': it needs the lines {begin} and {end}");
        }
        var inner = start + begin.Length;
        return page[..inner] + "\n" + content.TrimEnd('\n') + "\n" + page[stop..];
    }

    [GeneratedRegex(@"<!-- begin generated: ([a-z0-9 -]+) \(")]
    private static partial Regex BeginPattern();
}
