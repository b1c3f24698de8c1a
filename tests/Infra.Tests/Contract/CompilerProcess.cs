using System.Diagnostics;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Contract;

/// <summary>Runs the compiler command of Pulumi.yaml the way Pulumi's YAML host does: split into words, no shell, in the project root.</summary>
public static class CompilerProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Command()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Repository.PathOf("Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var runtime = (YamlMappingNode)root["runtime"];
        Assert.Equal("yaml", ((YamlScalarNode)runtime["name"]).Value);
        return ((YamlScalarNode)((YamlMappingNode)runtime["options"])["compiler"]).Value!;
    }

    public static Result Run(IReadOnlyDictionary<string, string> variables)
    {
        LambdaPackage.EnsureBuilt();
        var words = ShellWords.Split(Command());
        // Like Go's exec with Dir set, a relative program path resolves against the working directory.
        var program = words[0].Contains('/') ? Path.GetFullPath(words[0], Repository.Root) : words[0];
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the compiler did not finish within 5 minutes");
        }
        return new Result(process.ExitCode, stdout, stderr.Result);
    }
}
