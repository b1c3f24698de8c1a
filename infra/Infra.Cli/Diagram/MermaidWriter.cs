using System.Text;

namespace Infra.Cli.Diagram;

/// <summary>Writes a stack diagram as a Mermaid flowchart, one subgraph per lane, left to right.</summary>
public static class MermaidWriter
{
    public static string Write(StackDiagram diagram)
    {
        var text = new StringBuilder();
        text.AppendLine("flowchart LR");
        foreach (var lane in diagram.Nodes.GroupBy(n => n.Lane))
        {
            text.AppendLine($"  subgraph lane_{lane.Key.ToString().ToLowerInvariant()} [\"{StackDiagram.LaneTitle(lane.Key)}\"]");
            foreach (var node in lane)
            {
                var label = $"\"{node.Title}<br/><small>{node.Detail}</small>\"";
                text.AppendLine($"    {Id(node.Id)}{Shaped(node.Shape, label)}");
            }
            text.AppendLine("  end");
        }
        foreach (var edge in diagram.Edges)
        {
            var line = edge.Flow == Flow.Data ? "-->" : "-.->";
            text.AppendLine($"  {Id(edge.From)} {(edge.BothWays ? "<" : "")}{line}|{edge.Label}| {Id(edge.To)}");
        }
        return text.ToString();
    }

    private static string Shaped(Shape shape, string label) => shape switch
    {
        Shape.Store => $"[({label})]",
        Shape.Rounded => $"({label})",
        Shape.Queue => $"[[{label}]]",
        _ => $"[{label}]",
    };

    /// <summary>Mermaid ids are letters, digits and underscores; logical names also hold hyphens.</summary>
    public static string Id(string name) => "n_" + name.Replace('-', '_');
}
