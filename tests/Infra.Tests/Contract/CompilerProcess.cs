using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Contract;

/// <summary>Runs the compiler command of Pulumi.yaml the way Pulumi's YAML host does: split into words, no shell, in the project root.</summary>
public static class CompilerProcess
{
    public static string Command()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Repository.PathOf("Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var runtime = (YamlMappingNode)root["runtime"];
        Assert.Equal("yaml", ((YamlScalarNode)runtime["name"]).Value);
        return ((YamlScalarNode)((YamlMappingNode)runtime["options"])["compiler"]).Value!;
    }

    /// <summary>Only <paramref name="variables"/> of the PULUMI_* family reach the process.</summary>
    public static ChildProcess.Result Run(IReadOnlyDictionary<string, string> variables)
    {
        LambdaPackage.EnsureBuilt();
        var words = ShellWords.Split(Command());
        // Like Go's exec with Dir set, a relative program path resolves against the working directory.
        var program = words[0].Contains('/') ? Path.GetFullPath(words[0], Repository.Root) : words[0];
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("PULUMI_", StringComparison.Ordinal))
            .ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }
        return ChildProcess.Run(program, words.Skip(1), Repository.Root, TimeSpan.FromMinutes(5), environment);
    }
}
