using Infra.Platform.Configuration;
using YamlDotNet.RepresentationModel;

namespace Infra.Cli;

/// <summary>Reads a stack settings file (<c>Pulumi.&lt;stack&gt;.yaml</c>) the way Pulumi does: its <c>config</c> map.</summary>
public static class StackConfigFile
{
    public const string SecretPlaceholder = "[secret]";

    public static StackConfig Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigError($"stack config file '{path}' does not exist");
        }
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ConfigError($"{path}: not valid YAML at line {e.Start.Line}: {e.Message}");
        }
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new StackConfig(values);
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
        {
            return new StackConfig(values);
        }
        if (configNode is not YamlMappingNode config)
        {
            throw new ConfigError($"{path}: 'config' must be a map of keys to values");
        }
        foreach (var (keyNode, valueNode) in config.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new ConfigError($"{path}: config keys must be plain text, found {keyNode.NodeType} at line {keyNode.Start.Line}");
            }
            values[key] = valueNode switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map when map.Children.ContainsKey(new YamlScalarNode("secure")) => SecretPlaceholder,
                _ => throw new ConfigError($"{path}: structured value of '{keyNode}' is not supported; use a plain value"),
            };
        }
        return new StackConfig(values);
    }
}
