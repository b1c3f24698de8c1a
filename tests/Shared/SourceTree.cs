namespace Tests.Shared;

/// <summary>A throw-away copy of part of the repository's sources (no build output), for tests that edit sources.</summary>
public sealed class SourceTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("sources-").FullName;

    /// <param name="paths">Folders and files relative to the repository root, copied without bin, obj and node_modules.</param>
    public SourceTree(params string[] paths)
    {
        foreach (var path in paths)
        {
            var from = Repository.PathOf(path);
            if (File.Exists(from))
            {
                CopyFile(from, PathOf(path));
            }
            else
            {
                CopyFolder(from, PathOf(path));
            }
        }
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            {
                continue;
            }
            CopyFile(file, Path.Combine(to, relative));
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }
    }
}
