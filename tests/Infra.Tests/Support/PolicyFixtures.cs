using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;

namespace Infra.Tests.Support;

/// <summary>Small programs the policy rules are tried on.</summary>
public static class PolicyFixtures
{
    public static PulumiProgram Program(params Resource[] resources)
    {
        var program = new PulumiProgram("fixture");
        foreach (var resource in resources)
        {
            program.Add(resource);
        }
        return program;
    }

    public static Resource R(string name, string type, MapValue properties, ResourceOptions? options = null) => new(name, type, properties, options);

    public static BuiltIn Document(params MapValue[] statements) => Fn.ToJson(new MapValue { ["Version"] = "2012-10-17", ["Statement"] = new ListValue(statements) });

    /// <summary>Resource settings from <c>a.b=value;c=value</c>: true/false and integers typed, anything else text.</summary>
    public static MapValue Settings(string spec)
    {
        var root = new MapValue();
        foreach (var pair in spec.Split(';'))
        {
            var (path, text) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            var map = root;
            var keys = path.Split('.');
            foreach (var key in keys[..^1])
            {
                if (!map.TryGet(key, out var child))
                {
                    child = new MapValue();
                    map[key] = child;
                }
                map = (MapValue)child;
            }
            map[keys[^1]] = text switch { "true" => true, "false" => false, _ when long.TryParse(text, out var n) => n, _ => text };
        }
        return root;
    }
}
