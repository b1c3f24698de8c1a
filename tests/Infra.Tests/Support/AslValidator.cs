using System.Diagnostics;
using System.Text.Json;

namespace Infra.Tests.Support;

/// <summary>Validates a state machine definition as Amazon States Language with the pinned npm validator (tests/asl), offline.</summary>
public static class AslValidator
{
    public static (bool Valid, IReadOnlyList<string> Errors) Validate(string definition)
    {
        var folder = Repository.PathOf("tests", "asl");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "asl-validator")))
        {
            throw new InvalidOperationException("the ASL validator is not installed: run `npm ci` in tests/asl (.ci/run does)");
        }
        var start = new ProcessStartInfo("node", Path.Combine(folder, "validate.js"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(definition);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the ASL validator failed: {error}");
        }
        using var result = JsonDocument.Parse(output);
        return (result.RootElement.GetProperty("isValid").GetBoolean(),
            [.. result.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)]);
    }
}
