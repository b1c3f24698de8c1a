using System.Diagnostics;
using System.Text.RegularExpressions;
using Infra.Model;

namespace Infra.TypeCheck;

/// <summary>
/// Type-checks programs against Pulumi's npm SDK typings with one TypeScript compile over
/// all of them. <paramref name="toolsDirectory"/> holds <c>sdk/</c> (the Pulumi packages)
/// and <c>tsc/</c> (the compiler), each installed with <c>npm ci --ignore-scripts</c>.
/// </summary>
public sealed partial class TypeChecker(string toolsDirectory)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private string SdkModules => Path.Combine(toolsDirectory, "sdk", "node_modules");

    private string Compiler => Path.Combine(toolsDirectory, "tsc", "node_modules", "typescript", "bin", "tsc");

    public TypeCheckResult Check(IEnumerable<(string Name, PulumiProgram Program)> programs) =>
        Check(programs.Select(p => TypeScriptTranslator.Translate(p.Name, p.Program)).ToList());

    public TypeCheckResult Check(IReadOnlyList<TranslatedProgram> translated)
    {
        foreach (var required in new[] { Path.Combine(SdkModules, "@pulumi", "pulumi"), Compiler })
        {
            if (!Path.Exists(required))
            {
                throw new InvalidOperationException(
                    $"'{required}' is missing: run `npm ci --ignore-scripts` in {Path.Combine(toolsDirectory, "sdk")} and {Path.Combine(toolsDirectory, "tsc")}");
            }
        }
        var workspace = Directory.CreateTempSubdirectory("typecheck-");
        try
        {
            var files = new Dictionary<string, TranslatedProgram>(StringComparer.Ordinal);
            foreach (var program in translated)
            {
                var file = program.Name + ".ts";
                File.WriteAllText(Path.Combine(workspace.FullName, file), program.Source);
                files[file] = program;
            }
            File.WriteAllText(Path.Combine(workspace.FullName, "tsconfig.json"), TsConfig(files.Keys));
            var (exitCode, output) = RunCompiler(workspace.FullName);
            return new TypeCheckResult(Parse(output, files), exitCode, output);
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    private string TsConfig(IEnumerable<string> files)
    {
        var pulumi = System.Text.Json.JsonSerializer.Serialize(Path.Combine(SdkModules, "@pulumi") + "/*");
        var list = string.Join(", ", files.Select(f => System.Text.Json.JsonSerializer.Serialize(f)));
        return $$"""
            {
              "compilerOptions": {
                "strict": true,
                "noEmit": true,
                "skipLibCheck": true,
                "target": "es2022",
                "lib": ["es2022"],
                "module": "preserve",
                "moduleResolution": "bundler",
                "types": [],
                "paths": { "@pulumi/*": [{{pulumi}}] }
              },
              "files": [{{list}}]
            }
            """;
    }

    private (int ExitCode, string Output) RunCompiler(string workspace)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Compiler, "-p", "tsconfig.json", "--pretty", "false" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started: Node.js 20 or later is required");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the TypeScript compiler did not finish within {Timeout}");
        }
        return (process.ExitCode, output + error.Result);
    }

    private static List<TypeCheckError> Parse(string output, IReadOnlyDictionary<string, TranslatedProgram> files)
    {
        var errors = new List<TypeCheckError>();
        foreach (var line in output.Split('\n'))
        {
            var match = DiagnosticPattern().Match(line.TrimEnd('\r'));
            if (match.Success)
            {
                var file = Path.GetFileName(match.Groups["file"].Value);
                var location = files.TryGetValue(file, out var program)
                    ? program.At(int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))
                    : new SourceLocation(file, "", null, "");
                errors.Add(new TypeCheckError(location, match.Groups["code"].Value, match.Groups["message"].Value));
            }
            else if (errors.Count > 0 && line.StartsWith(' '))
            {
                var last = errors[^1];
                errors[^1] = last with { Message = last.Message + " " + line.Trim() };
            }
        }
        return errors;
    }

    [GeneratedRegex(@"^(?<file>[^()]+)\((?<line>\d+),(?<column>\d+)\): error (?<code>TS\d+): (?<message>.*)$")]
    private static partial Regex DiagnosticPattern();
}
