using System.Diagnostics;

namespace Infra.Cli.Diagram;

/// <summary>Renders DOT to SVG with Graphviz's <c>dot</c> from the OS packages, offline.</summary>
public static class Graphviz
{
    public const string Install = "apt-get install graphviz";

    public static string ToSvg(string dot)
    {
        var start = new ProcessStartInfo("dot", "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("dot did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UsageError($"rendering SVG needs Graphviz's `dot` on the PATH ({Install}); Mermaid needs nothing");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output.Result
                : throw new InvalidOperationException($"dot failed ({process.ExitCode}): {errors.Result}");
        }
    }
}
