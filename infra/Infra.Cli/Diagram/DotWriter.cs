using System.Text;

namespace Infra.Cli.Diagram;

/// <summary>
/// Writes a stack diagram in Graphviz's DOT language, one cluster per lane: the data's lanes as columns left to right,
/// orchestration and alerts as rows (placed by their edges, above and below the columns, so what starts or hears from
/// every part is drawn near it rather than at one edge of the sheet). Node ids are the logical names, so the rendered
/// SVG names each node and edge after the program's resources.
/// </summary>
public static class DotWriter
{
    public static string Write(StackDiagram diagram)
    {
        var text = new StringBuilder();
        text.AppendLine($"digraph {Quote(diagram.Stack)} {{");
        text.AppendLine($"  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label={Quote($"Stack {diagram.Stack}: data flow, derived from the synthesized program")}, nodesep=0.25, ranksep=0.9, newrank=true];");
        text.AppendLine("  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#f5f7fa\"];");
        text.AppendLine("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#4a5568\"];");
        foreach (var lane in diagram.Nodes.GroupBy(n => n.Lane))
        {
            text.AppendLine($"  subgraph {Quote($"cluster_{lane.Key.ToString().ToLowerInvariant()}")} {{");
            text.AppendLine($"    label={Quote(StackDiagram.LaneTitle(lane.Key))}; style=\"rounded,dashed\"; color=\"#a0aec0\";{(StackDiagram.IsRow(lane.Key) ? "" : " rank=same;")}");
            foreach (var node in lane)
            {
                text.AppendLine($"    {Quote(node.Id)} [label={Quote($"{node.Title}\n{node.Detail}")}{Shaped(node.Shape)}];");
            }
            text.AppendLine("  }");
        }
        // The columns stand in a fixed order (each of equal rank), held by invisible edges between their first
        // nodes, so the picture reads left to right along the data's way.
        var firsts = diagram.Nodes.GroupBy(n => n.Lane).Where(g => !StackDiagram.IsRow(g.Key)).Select(g => g.First().Id).ToList();
        for (var i = 1; i < firsts.Count; i++)
        {
            text.AppendLine($"  {Quote(firsts[i - 1])} -> {Quote(firsts[i])} [style=invis, weight=10];");
        }
        foreach (var edge in diagram.Edges)
        {
            var style = edge.Flow switch
            {
                Flow.Control => ", style=dashed",
                Flow.Alert => ", style=dotted, color=\"#c53030\"",
                _ => "",
            };
            text.AppendLine($"  {Quote(edge.From)} -> {Quote(edge.To)} [label={Quote(edge.Label)}{style}{(edge.BothWays ? ", dir=both" : "")}];");
        }
        text.AppendLine("}");
        return text.ToString();
    }

    private static string Shaped(Shape shape) => shape switch
    {
        Shape.Store => ", shape=cylinder, style=filled",
        Shape.Queue => ", shape=box3d, style=filled",
        Shape.Box => ", style=filled",
        _ => "",
    };

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
