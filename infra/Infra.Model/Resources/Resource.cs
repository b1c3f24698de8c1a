using System.Text.RegularExpressions;
using Infra.Model.Values;

namespace Infra.Model.Resources;

/// <summary>A resource declaration: type token, logical name, input properties and options.</summary>
public sealed partial class Resource
{
    public Resource(string name, string type, MapValue? properties = null, ResourceOptions? options = null, string group = "")
    {
        LogicalName.Validate(name);
        if (!TypeTokenPattern().IsMatch(type))
        {
            throw new SynthesisException($"resource '{name}': '{type}' is not a type token of the form package:module:Type");
        }
        Name = name;
        Type = type;
        Properties = properties ?? [];
        Options = options ?? ResourceOptions.None;
        Group = group;
    }

    public string Name { get; }

    /// <summary>The Pulumi type token, e.g. <c>pulumi:providers:random</c>.</summary>
    public string Type { get; }

    public MapValue Properties { get; }

    public ResourceOptions Options { get; }

    /// <summary>The component the resource belongs to; used for grouping in plans, not written to the program.</summary>
    public string Group { get; }

    /// <summary>The package that deploys this resource: the provider name for providers, else the token's first part.</summary>
    public string Package => Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
        ? Type["pulumi:providers:".Length..]
        : Type[..Type.IndexOf(':')];

    /// <summary>The resource itself, as used in <c>provider</c> and <c>dependsOn</c> options.</summary>
    public Reference Self => new(Name);

    /// <summary>An output property of the resource.</summary>
    public Reference Attr(string path) => new(Name, path);

    [GeneratedRegex("^[a-z][a-z0-9-]*:[A-Za-z0-9/._-]*:[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex TypeTokenPattern();
}
