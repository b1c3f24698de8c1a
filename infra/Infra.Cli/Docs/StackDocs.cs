using Infra.Cli.Cost;
using Infra.Cli.Diagram;
using Infra.Model;
using Infra.Platform.Profiles;

namespace Infra.Cli.Docs;

/// <summary>
/// The documentation derived from the synthesized stacks: each stack's diagram (<c>docs/diagrams/NAME.mmd</c> and
/// <c>.svg</c>) and the generated blocks of the learner guides (<c>docs/courses/NAME.md</c>: the diagram and the
/// cost estimate). Written by <c>dataplatform docs</c>; a test fails when a checked-in copy is stale.
/// </summary>
public static class StackDocs
{
    public const string DiagramDirectory = "docs/diagrams";
    public const string GuideDirectory = "docs/courses";
    public const string DiagramBlock = "diagram";
    public const string CostBlock = "cost";

    /// <summary>The stacks' README, whose table of stacks is generated (<see cref="StackTable"/>).</summary>
    public const string StacksReadme = "stacks/README.md";

    public static string DiagramPath(string stack, string extension) => $"{DiagramDirectory}/{stack}.{extension}";

    public static string MermaidPath(string stack) => DiagramPath(stack, "mmd");

    public static string SvgPath(string stack) => DiagramPath(stack, "svg");

    public static string GuidePath(string stack) => $"{GuideDirectory}/{stack}.md";

    /// <summary>The stacks that have a learner guide: one per course.</summary>
    public static IEnumerable<StackProfile> GuidedStacks => StackProfiles.All.Where(p => p.Stack.StartsWith("course", StringComparison.Ordinal));


    /// <summary>A diagram's files: the Mermaid text and the SVG Graphviz renders, by extension.</summary>
    public static IEnumerable<(string Extension, string Content)> DiagramFiles(StackDiagram diagram) =>
        [("mmd", MermaidWriter.Write(diagram)), ("svg", Graphviz.ToSvg(DotWriter.Write(diagram)))];

    /// <summary>A guide with its generated blocks brought up to date from the stack's synthesized program.</summary>
    public static string RefreshGuide(string guide, string stack, PulumiProgram program)
    {
        var diagram = DiagramBuilder.Build(program, stack);
        foreach (var name in GeneratedBlock.Names(guide))
        {
            guide = GeneratedBlock.Replace(guide, name, name switch
            {
                DiagramBlock => $"```mermaid\n{MermaidWriter.Write(diagram)}```",
                CostBlock => $"```text\n{CostEstimate.Print(stack, CostEstimate.Lines(program))}```",
                _ => throw new InvalidOperationException($"{GuidePath(stack)}: unknown generated block '{name}' (known: {DiagramBlock}, {CostBlock})"),
            });
        }
        return guide;
    }
}
