namespace Bench.Shared;

/// <summary>Helpers every benchmark uses: the repository root and medians.</summary>
public static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Pulumi.yaml not found above " + AppContext.BaseDirectory);
    }
}
