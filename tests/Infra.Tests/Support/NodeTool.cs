using System.Diagnostics;

namespace Infra.Tests.Support;

/// <summary>Runs a checker script of a pinned npm folder under <c>tests/</c> with Node.js, offline, and returns what it printed.</summary>
public static class NodeTool
{
    public static string Run(string folderName, string package, string script, string? input = null, params string[] arguments)
    {
        var folder = Repository.PathOf("tests", folderName);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", package)))
        {
            throw new InvalidOperationException($"{package} is not installed: run `npm ci` in tests/{folderName} (.ci/run does)");
        }
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(folder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"tests/{folderName}/{script} failed ({process.ExitCode}): {error.Result}");
    }
}
