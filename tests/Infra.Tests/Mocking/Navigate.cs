namespace Infra.Tests.Mocking;

/// <summary>Follows property accesses through resolved values.</summary>
public static class Navigate
{
    public static object? Path(IReadOnlyDictionary<string, object?> root, string path, string where)
    {
        var parsed = PropertyPath.Parse(path);
        if (!root.TryGetValue(parsed.Root, out var value))
        {
            throw new MockDeploymentException($"{where} has no property '{parsed.Root}'");
        }
        return Accessors(value, parsed.Accessors, $"{where}.{parsed.Root}");
    }

    public static object? Accessors(object? value, IEnumerable<object> accessors, string where)
    {
        foreach (var accessor in accessors)
        {
            var secret = value is Secret;
            if (value is Secret wrapped)
            {
                value = wrapped.Value;
            }
            value = (value, accessor) switch
            {
                (IReadOnlyDictionary<string, object?> map, string key) when map.TryGetValue(key, out var next) => next,
                (IReadOnlyList<object?> list, int index) when index >= 0 && index < list.Count => list[index],
                _ => throw new MockDeploymentException($"{where} has no property '{accessor}'"),
            };
            where = $"{where}.{accessor}";
            if (secret)
            {
                value = new Secret(value);
            }
        }
        return value;
    }
}
