using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Infra.Model;
using Infra.Model.Yaml;
using Infra.Platform.Configuration;
using Pipelines.Contracts.Functions;

namespace Infra.Cli;

/// <summary>
/// What a stack is made of, as one hash: its synthesized program plus the sources of every function it
/// deploys (the program names only the archives, whose content Pulumi compares at deploy time). Two
/// revisions whose fingerprints agree deploy the same thing; CI previews only the stacks whose differ.
/// </summary>
public static class StackFingerprint
{
    /// <summary>Build inputs every function shares besides its projects.</summary>
    private static readonly string[] SharedBuildFiles = ["Directory.Build.props", "Directory.Packages.props", "lambdas/LambdaFunction.targets"];

    public static string Of(PulumiProgram program, string projectRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = ProgramWriter.Write(program);
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        var deployed = FunctionContracts.All.Where(c => text.Contains(c.ArtifactPath, StringComparison.Ordinal));
        var projects = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var contract in deployed)
        {
            AddWithReferences(Path.Combine(projectRoot, "lambdas", contract.Project, $"{contract.Project}.csproj"), projects);
        }
        var files = projects.SelectMany(project => SourceFiles(Path.GetDirectoryName(project)!))
            .Concat(SharedBuildFiles.Select(f => Path.Combine(projectRoot, f)).Where(File.Exists))
            .Select(Path.GetFullPath)
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(projectRoot, file).Replace('\\', '/') + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The stacks whose fingerprint differs from, or is missing in, the base revision's; every stack without a base.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string>? baseline) =>
        [.. current.Where(p => baseline is null || !baseline.TryGetValue(p.Key, out var before) || before != p.Value).Select(p => p.Key)];

    private static void AddWithReferences(string project, ISet<string> seen)
    {
        var full = Path.GetFullPath(project);
        if (!File.Exists(full))
        {
            throw new ConfigError($"a deployed function's project is missing: {full}");
        }
        if (!seen.Add(full))
        {
            return;
        }
        foreach (var reference in XDocument.Load(full).Descendants("ProjectReference"))
        {
            AddWithReferences(Path.Combine(Path.GetDirectoryName(full)!, reference.Attribute("Include")!.Value), seen);
        }
    }

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"));
}
