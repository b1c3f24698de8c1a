using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;

namespace Infra.Policy;

/// <summary>What the rules read of a program: resources by type, their literal inputs, and who refers to whom.</summary>
public sealed class ProgramView(PulumiProgram program, string stack, bool production)
{
    public string Stack => stack;

    /// <summary>Whether the stack holds production data (prod's rules apply).</summary>
    public bool Production => production;

    public IEnumerable<Resource> Resources => program.Resources;

    public IReadOnlyList<KeyValuePair<string, Value>> Variables => program.Variables;

    public IEnumerable<Resource> OfType(params string[] types) => program.Resources.Where(r => types.Contains(r.Type));

    /// <summary>The input at a dotted path (<c>a.b.c</c>), or null when absent.</summary>
    public static Value? Input(Resource resource, string path)
    {
        Value? current = resource.Properties;
        foreach (var part in path.Split('.'))
        {
            if (current is not MapValue map || !map.TryGet(part, out var next))
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    public static bool IsTrue(Resource resource, string path) => Input(resource, path) is Bool { Content: true };

    public static string? Text(Resource resource, string path) => Input(resource, path) is Text text ? text.Content : null;

    /// <summary>Set to something: a literal, or a reference resolved at deployment.</summary>
    public static bool IsSet(Resource resource, string path) => Input(resource, path) is { } value && value is not Null && value is not Text { Content: "" };

    /// <summary>The resources of a type whose <paramref name="input"/> refers to <paramref name="target"/> (e.g. a bucket's encryption configuration).</summary>
    public IEnumerable<Resource> Referring(Resource target, string type, string input) =>
        OfType(type).Where(r => Input(r, input) is Reference reference && reference.Root == target.Name);

    /// <summary>The statements of a policy document input (<c>fn::toJSON</c> of a map with <c>Statement</c>).</summary>
    public static IEnumerable<MapValue> Statements(Resource resource, string input) =>
        Input(resource, input) is BuiltIn { Function: "toJSON", Argument: MapValue document } && document.TryGet("Statement", out var statements) && statements is ListValue list
            ? list.Items.OfType<MapValue>()
            : [];

    public static IReadOnlyList<string> Strings(MapValue statement, string key) =>
        !statement.TryGet(key, out var value) ? []
        : value is ListValue list ? [.. list.Items.Select(Describe)]
        : [Describe(value)];

    /// <summary>A value as text: literal text as is, a reference as <c>${…}</c>, anything else by its kind.</summary>
    public static string Describe(Value value) => value switch
    {
        Text text => text.Content,
        Reference reference => reference.ToString(),
        Interpolation interpolation => string.Concat(interpolation.Parts.Select(Describe)),
        _ => value.GetType().Name,
    };
}
