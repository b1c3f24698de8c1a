using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Pipelines.Declarations.Functions;

/// <summary>
/// What a function's archive is built from: every file of its project and of the projects it references, plus
/// the build settings all functions share, as one hash. Packaging writes the hash into the archive
/// (<see cref="StampEntry"/>); synthesis and the emulator compare it with the sources as they are now, so an
/// archive built from other sources — older, newer or undone edits — is refused, never deployed.
/// </summary>
public static class FunctionSources
{
    /// <summary>The archive entry that holds the fingerprint of the sources it was built from.</summary>
    public const string StampEntry = "source-fingerprint";

    /// <summary>Build inputs every function shares besides its projects, relative to the project root.</summary>
    private static readonly string[] SharedBuildFiles =
        ["Directory.Build.props", "Directory.Packages.props", "lambdas/LambdaFunction.targets", "lambdas/Functions.props", "lambdas/NativeStartup/prefault.c"];

    /// <summary>The files the function is built from, relative to <paramref name="projectRoot"/>, in a stable order.</summary>
    public static IReadOnlyList<string> Files(FunctionContract function, string projectRoot)
    {
        var projects = new SortedSet<string>(StringComparer.Ordinal);
        AddWithReferences(Path.Combine(projectRoot, "lambdas", function.Project, $"{function.Project}.csproj"), projects);
        return projects.SelectMany(project => SourceFiles(Path.GetDirectoryName(project)!))
            .Concat(SharedBuildFiles.Select(file => Path.Combine(projectRoot, file)).Where(File.Exists))
            .Select(file => Path.GetRelativePath(projectRoot, Path.GetFullPath(file)).Replace('\\', '/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>SHA-256 over each source file's path and content.</summary>
    public static string Fingerprint(FunctionContract function, string projectRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files(function, projectRoot))
        {
            var content = File.ReadAllBytes(Path.Combine(projectRoot, file));
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}\0{content.Length}\0"));
            hash.AppendData(content);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The fingerprint an archive was stamped with at packaging, or null when it carries none.</summary>
    public static string? Stamp(string archivePath)
    {
        using var archive = ZipFile.OpenRead(archivePath);
        var entry = archive.GetEntry(StampEntry);
        if (entry is null)
        {
            return null;
        }
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd().Trim();
    }

    /// <summary>Whether the function's archive under <paramref name="projectRoot"/> was built from the sources as they are now.</summary>
    public static ArtifactState State(FunctionContract function, string projectRoot)
    {
        var archive = Path.Combine(projectRoot, function.ArtifactPath);
        if (!File.Exists(archive))
        {
            return ArtifactState.Missing;
        }
        string? stamp;
        try
        {
            stamp = Stamp(archive);
        }
        catch (InvalidDataException)
        {
            return ArtifactState.Unreadable;
        }
        return stamp switch
        {
            null => ArtifactState.Unstamped,
            _ when stamp == Fingerprint(function, projectRoot) => ArtifactState.Current,
            _ => ArtifactState.Stale,
        };
    }

    /// <summary>One line that says what is wrong with a function's archive and how to fix it; null when it is current.</summary>
    public static string? Problem(FunctionContract function, ArtifactState state) => state switch
    {
        ArtifactState.Current => null,
        ArtifactState.Missing => $"the archive '{function.ArtifactPath}' does not exist: build it with `{FunctionContract.PackageCommand}`",
        ArtifactState.Unreadable => $"the archive '{function.ArtifactPath}' is not a readable zip: rebuild it with `{FunctionContract.PackageCommand} --force`",
        ArtifactState.Unstamped => $"the archive '{function.ArtifactPath}' carries no source fingerprint (it was not built by `{FunctionContract.PackageCommand}`): rebuild it with `{FunctionContract.PackageCommand}`",
        _ => $"the archive '{function.ArtifactPath}' was built from other sources than lambdas/{function.Project} and its references hold now: rebuild it with `{FunctionContract.PackageCommand}`",
    };

    private static void AddWithReferences(string project, ISet<string> seen)
    {
        var full = Path.GetFullPath(project);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"a function's project is missing: {full}", full);
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
            .Where(file => !Path.GetRelativePath(directory, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"));
}

/// <summary>How a function's archive stands against its sources.</summary>
public enum ArtifactState
{
    Current,
    Missing,
    Unreadable,
    Unstamped,
    Stale,
}
