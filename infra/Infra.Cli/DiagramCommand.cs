using Infra.Cli.Diagram;
using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary><c>dataplatform diagram</c>: a stack's data flow as Mermaid, DOT or SVG, derived from its synthesized program.</summary>
public static class DiagramCommand
{
    public static int Run(string[] args, IHost host)
    {
        var stack = CommandLine.DefaultStack;
        var format = "mermaid";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stack": stack = CommandLine.OptionValue(args, ref i); break;
                case "--format": format = CommandLine.OptionValue(args, ref i); break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        var diagram = Of(stack, host);
        host.Out.Write(format switch
        {
            "mermaid" => MermaidWriter.Write(diagram),
            "dot" => DotWriter.Write(diagram),
            "svg" => Graphviz.ToSvg(DotWriter.Write(diagram)),
            _ => throw new UsageError($"--format is mermaid, dot or svg, not '{format}'"),
        });
        return 0;
    }

    public static StackDiagram Of(string stack, IHost host)
    {
        var settings = CommandLine.LoadSettings(stack, null, ProjectRoot.Find(host.WorkingDirectory), host.WorkingDirectory);
        return DiagramBuilder.Build(PlatformProgram.Build(settings), stack);
    }
}
