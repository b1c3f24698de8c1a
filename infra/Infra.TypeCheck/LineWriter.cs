using System.Text;

namespace Infra.TypeCheck;

/// <summary>Collects lines of source together with the location each one stands for.</summary>
internal sealed class LineWriter
{
    private readonly List<string> _lines = [];
    private readonly List<SourceLocation> _locations = [];

    public void Line(int indent, string text, SourceLocation location)
    {
        _lines.Add(new string(' ', indent * 2) + text);
        _locations.Add(location);
    }

    public void Append(LineWriter other)
    {
        _lines.AddRange(other._lines);
        _locations.AddRange(other._locations);
    }

    public IReadOnlyList<SourceLocation> Locations => _locations;

    public string Source()
    {
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }
}
