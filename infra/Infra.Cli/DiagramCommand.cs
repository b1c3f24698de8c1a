using Infra.Cli.Diagram;
using Infra.Cli.Docs;
using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary>
/// <c>dataplatform diagram</c>: a stack's data flow, derived from its synthesized program — printed as Mermaid,
/// DOT or SVG, or with <c>--out DIR</c> written as <c>DIR/NAME.mmd</c> and <c>DIR/NAME.svg</c>.
/// </summary>
public static class DiagramCommand
{
    public static readonly Command Definition = new(new CommandUsage("diagram", "dataplatform diagram [--stack NAME] [--format mermaid|dot|svg] [--out DIR]",
        "the stack's data flow, derived from its synthesized program; --out writes DIR/NAME.mmd and .svg (SVG needs graphviz)"), Run);

    public static int Run(string[] args, IHost host)
    {
        var stack = CommandLine.DefaultStack;
        var format = "mermaid";
        string? folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stack": stack = CommandLine.OptionValue(args, ref i); break;
                case "--format": format = CommandLine.OptionValue(args, ref i); break;
                case "--out": folder = CommandLine.OptionValue(args, ref i); break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        var settings = CommandLine.LoadSettings(stack, null, ProjectRoot.Find(host.WorkingDirectory), host.WorkingDirectory);
        var diagram = DiagramBuilder.Build(PlatformProgram.Build(settings), stack);
        if (folder is not null)
        {
            var directory = Path.GetFullPath(folder, host.WorkingDirectory);
            Directory.CreateDirectory(directory);
            foreach (var (extension, content) in StackDocs.DiagramFiles(diagram))
            {
                var path = Path.Combine(directory, $"{stack}.{extension}");
                File.WriteAllText(path, content);
                host.Out.WriteLine($"wrote  {path}");
            }
            return 0;
        }
        host.Out.Write(format switch
        {
            "mermaid" => MermaidWriter.Write(diagram),
            "dot" => DotWriter.Write(diagram),
            "svg" => Graphviz.ToSvg(DotWriter.Write(diagram)),
            _ => throw new UsageError($"--format is mermaid, dot or svg, not '{format}'"),
        });
        return 0;
    }
}
