using System.Xml.Linq;

namespace Infra.Cli.Docs;

/// <summary>
/// The projects of the repository and what each references (projects and packages), read from the project files
/// themselves. <c>docs/projects.md</c> draws it; the tests hold it to its one rule: Pulumi's compiler reaches neither
/// DuckDB nor any function's code.
/// </summary>
public sealed class ProjectGraph
{
    public const string Block = "projects";

    /// <summary>The page that draws it.</summary>
    public const string Page = "docs/projects.md";

    /// <summary>Where the projects live; tests and benchmarks may reference anything and are left out of the picture.</summary>
    public static readonly IReadOnlyList<string> Folders = ["infra", "pipelines", "lambdas"];

    private readonly IReadOnlyDictionary<string, Project> _projects;

    public ProjectGraph(IEnumerable<Project> projects) =>
        _projects = projects.ToDictionary(project => project.Name, StringComparer.Ordinal);

    /// <summary>A project: its name, the folder it lives in, the projects and packages it references.</summary>
    public sealed record Project(string Name, string Folder, IReadOnlyList<string> Projects, IReadOnlyList<string> Packages);

    public IReadOnlyCollection<Project> Projects => [.. _projects.Values];

    public static ProjectGraph Read(string root) =>
        new(Folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => Parse(folder, path))));

    private static Project Parse(string folder, string path)
    {
        var items = XDocument.Load(path).Descendants().ToList();
        IReadOnlyList<string> Included(string item) =>
            [.. items.Where(element => element.Name.LocalName == item).Select(element => (string?)element.Attribute("Include")).OfType<string>().Order(StringComparer.Ordinal)];
        return new Project(Path.GetFileNameWithoutExtension(path), folder,
            [.. Included("ProjectReference").Select(Path.GetFileNameWithoutExtension).OfType<string>()], Included("PackageReference"));
    }

    /// <summary>The shortest chain of references from <paramref name="from"/> to a project or package <paramref name="to"/> matches, or null when it reaches none.</summary>
    public IReadOnlyList<string>? PathTo(string from, Func<string, bool> to)
    {
        var cameFrom = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var name))
        {
            if (name != from && to(name))
            {
                var chain = new List<string>();
                for (string? step = name; step is not null; step = cameFrom[step])
                {
                    chain.Insert(0, step);
                }
                return chain;
            }
            if (!_projects.TryGetValue(name, out var project))
            {
                continue;
            }
            foreach (var next in project.Projects.Concat(project.Packages).Where(next => !cameFrom.ContainsKey(next)))
            {
                cameFrom[next] = name;
                queue.Enqueue(next);
            }
        }
        return null;
    }

    /// <summary>Pulumi's compiler: what <c>pulumi up</c> builds and runs.</summary>
    public const string Compiler = "Infra.Cli";

    /// <summary>The declarations the infrastructure, the functions, the generator and the local runner all read.</summary>
    public const string Declarations = "Pipelines.Declarations";

    /// <summary>
    /// A chain of references from the compiler to something it must not build: a project outside the infrastructure
    /// other than the declarations (the generator, DuckDB's engine, the local runner, a function), or DuckDB itself. Null when it is clean.
    /// </summary>
    public IReadOnlyList<string>? CompilerOverreach() =>
        PathTo(Compiler, name => _projects.TryGetValue(name, out var project)
            ? project.Folder != "infra" && project.Name != Declarations
            : name.StartsWith("DuckDB", StringComparison.OrdinalIgnoreCase));

    /// <summary>The graph in Mermaid, one box per folder, packages as rounded nodes.</summary>
    public string Mermaid()
    {
        static string Id(string name) => name.Replace('.', '_').Replace('-', '_');
        var lines = new List<string> { "```mermaid", "flowchart LR" };
        foreach (var folder in Folders)
        {
            lines.Add($"  subgraph {folder}");
            lines.AddRange(_projects.Values.Where(p => p.Folder == folder).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"    {Id(p.Name)}[{p.Name}]"));
            lines.Add("  end");
        }
        var packages = _projects.Values.SelectMany(p => p.Packages).Distinct().Order(StringComparer.Ordinal);
        lines.AddRange(packages.Select(package => $"  {Id(package)}([{package}])"));
        foreach (var project in _projects.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            lines.AddRange(project.Projects.Concat(project.Packages).Select(target => $"  {Id(project.Name)} --> {Id(target)}"));
        }
        lines.Add("```");
        return string.Join('\n', lines) + "\n";
    }
}
