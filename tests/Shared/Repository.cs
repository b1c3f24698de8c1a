namespace Tests.Shared;

/// <summary>Finds the repository's files from the test's output folder; shared by the test projects.</summary>
public static class Repository
{
    public static readonly string Root = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(directory.FullName, "Infra.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("repository root (Pulumi.yaml + Infra.sln) not found above " + AppContext.BaseDirectory);
    }
}
