using Infra.Cli.Diagram;
using Infra.Cli.Docs;
using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary><c>dataplatform docs</c>: rewrites what the documentation derives from the stacks — diagrams and the guides' generated blocks.</summary>
public static class DocsCommand
{
    public static readonly Command Definition = new(new CommandUsage("docs", "dataplatform docs",
        "rewrite docs/diagrams, the course guides' generated blocks (diagram, cost), the stacks table and the project graph"), Run);

    public static int Run(string[] args, IHost host)
    {
        CommandLine.RequireNoArguments(args);
        var root = ProjectRoot.Find(host.WorkingDirectory);
        Directory.CreateDirectory(Path.Combine(root, StackDocs.DiagramDirectory));
        var programs = new List<(StackProfile, Model.PulumiProgram)>();
        foreach (var profile in StackProfiles.All)
        {
            var program = PlatformProgram.Build(CommandLine.LoadSettings(profile.Stack, null, root, host.WorkingDirectory));
            programs.Add((profile, program));
            foreach (var (extension, content) in StackDocs.DiagramFiles(DiagramBuilder.Build(program, profile.Stack)))
            {
                Write(root, StackDocs.DiagramPath(profile.Stack, extension), content, host);
            }
            var guide = Path.Combine(root, StackDocs.GuidePath(profile.Stack));
            if (File.Exists(guide))
            {
                Write(root, StackDocs.GuidePath(profile.Stack), StackDocs.RefreshGuide(File.ReadAllText(guide), profile.Stack, program), host);
            }
        }
        var stacks = Path.Combine(root, StackDocs.StacksReadme);
        Write(root, StackDocs.StacksReadme, GeneratedBlock.Replace(File.ReadAllText(stacks), StackTable.Block, StackTable.Markdown(programs)), host);
        var projects = Path.Combine(root, ProjectGraph.Page);
        Write(root, ProjectGraph.Page, GeneratedBlock.Replace(File.ReadAllText(projects), ProjectGraph.Block, ProjectGraph.Read(root).Mermaid()), host);
        return 0;
    }

    private static void Write(string root, string relative, string content, IHost host)
    {
        var path = Path.Combine(root, relative);
        var changed = !File.Exists(path) || File.ReadAllText(path) != content;
        if (changed)
        {
            File.WriteAllText(path, content);
        }
        host.Out.WriteLine($"{(changed ? "wrote" : "current")}  {relative}");
    }
}
