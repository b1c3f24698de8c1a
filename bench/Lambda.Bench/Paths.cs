namespace Lambda.Bench;

internal static class Paths
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Pulumi.yaml not found");
    }
}
