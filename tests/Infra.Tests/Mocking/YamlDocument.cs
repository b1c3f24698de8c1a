using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Mocking;

/// <summary>
/// Loads YAML into plain values the way Pulumi's YAML host reads it (YAML 1.2 core schema):
/// ordered maps, lists, strings, booleans, integers, doubles and null.
/// </summary>
public static partial class YamlDocument
{
    public static object? Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1)
        {
            throw new MockDeploymentException($"expected one YAML document, found {stream.Documents.Count}");
        }
        return Convert(stream.Documents[0].RootNode);
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Aggregate(new Dictionary<string, object?>(), (result, entry) =>
        {
            var key = ((YamlScalarNode)entry.Key).Value ?? "";
            if (result.ContainsKey(key))
            {
                throw new MockDeploymentException($"duplicate key '{key}' at line {entry.Key.Start.Line}");
            }
            result.Add(key, Convert(entry.Value));
            return result;
        }),
        YamlSequenceNode list => list.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new MockDeploymentException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return text;
        }
        return text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            "null" or "Null" or "NULL" or "~" or "" => null,
            _ when IntegerPattern().IsMatch(text) => long.Parse(text, CultureInfo.InvariantCulture),
            _ when FloatPattern().IsMatch(text) => double.Parse(text, CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
