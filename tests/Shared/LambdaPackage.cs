using System.IO.Compression;

namespace Tests.Shared;

/// <summary>The published function archives: built once per test run by the project's packaging command.</summary>
public static class LambdaPackage
{
    private static readonly Lazy<string> Packaged = new(() =>
    {
        var result = ChildProcess.Run("bash", [Repository.PathOf("lambdas", "package")], Repository.Root, TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"lambdas/package failed ({result.ExitCode}):\n{result.Stderr}\n{result.Stdout}");
        }
        return Repository.PathOf("artifacts", "lambdas");
    });

    /// <summary>Builds every function archive unless it is up to date; safe to call from parallel tests and runs.</summary>
    public static string EnsureBuilt() => Packaged.Value;

    public static string Zip(string function) => Path.Combine(Packaged.Value, function + ".zip");

    /// <summary>Extracts the function's <c>bootstrap</c> into a new folder and returns its path.</summary>
    public static string ExtractBootstrap(string function)
    {
        var folder = Directory.CreateTempSubdirectory(function + "-").FullName;
        ZipFile.ExtractToDirectory(Zip(function), folder);
        return Path.Combine(folder, "bootstrap");
    }
}
