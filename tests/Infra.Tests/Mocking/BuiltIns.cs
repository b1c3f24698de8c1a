using System.Text;
using System.Text.Json;

namespace Infra.Tests.Mocking;

/// <summary>The Pulumi YAML built-in functions, evaluated on already-resolved arguments.</summary>
public static class BuiltIns
{
    public static object? Call(string function, object? argument, string where, IMocks mocks, MockDeploymentSettings settings)
    {
        where = $"{where}: fn::{function}";
        return function switch
        {
            "toJSON" => ToJson(argument),
            "join" => Join(argument, where),
            "select" => Select(argument, where),
            "split" => Split(argument, where),
            "secret" => argument is Secret ? argument : new Secret(argument),
            "toBase64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(argument, where))),
            "invoke" => Invoke(argument, where, mocks),
            "readFile" => File.ReadAllText(ExistingPath(argument, where, settings)),
            "fileArchive" or "fileAsset" => new AssetValue(function, ExistingPath(argument, where, settings)),
            "stringAsset" => new AssetValue(function, Text(argument, where)),
            "assetArchive" => argument is IReadOnlyDictionary<string, object?> assets && assets.Values.All(asset => asset is AssetValue)
                ? new AssetValue(function, string.Join(",", assets.Keys))
                : throw new MockDeploymentException($"{where} takes a map of archive paths to assets"),
            _ => throw new MockDeploymentException($"{where}: unknown built-in function 'fn::{function}'"),
        };
    }

    private static object ToJson(object? value)
    {
        var secret = false;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, value, ref secret);
        }
        var json = Encoding.UTF8.GetString(stream.ToArray());
        return secret ? new Secret(json) : json;
    }

    private static void Write(Utf8JsonWriter writer, object? value, ref bool secret)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case int i: writer.WriteNumberValue(i); break;
            case double d: writer.WriteNumberValue(d); break;
            case Secret wrapped:
                secret = true;
                Write(writer, wrapped.Value, ref secret);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, entry) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, entry, ref secret);
                }
                writer.WriteEndObject();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var entry in list)
                {
                    Write(writer, entry, ref secret);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new MockDeploymentException($"fn::toJSON cannot encode a {value.GetType().Name}");
        }
    }

    private static (object? First, IReadOnlyList<object?> Items) Pair(object? argument, string where) =>
        argument is IReadOnlyList<object?> { Count: 2 } pair && pair[1] is IReadOnlyList<object?> items
            ? (pair[0], items)
            : throw new MockDeploymentException($"{where} takes [first, [items...]]");

    private static string Join(object? argument, string where)
    {
        var (delimiter, items) = Pair(argument, where);
        return string.Join(Text(delimiter, where), items.Select(item => Text(item, where)));
    }

    private static object? Select(object? argument, string where)
    {
        var (index, items) = Pair(argument, where);
        return index is long i && i >= 0 && i < items.Count
            ? items[(int)i]
            : throw new MockDeploymentException($"{where}: index {index} is outside a list of {items.Count}");
    }

    private static List<object?> Split(object? argument, string where)
    {
        if (argument is not IReadOnlyList<object?> { Count: 2 } pair)
        {
            throw new MockDeploymentException($"{where} takes [delimiter, text]");
        }
        return Text(pair[1], where).Split(Text(pair[0], where)).Cast<object?>().ToList();
    }

    private static object? Invoke(object? argument, string where, IMocks mocks)
    {
        if (argument is not IReadOnlyDictionary<string, object?> call || call.GetValueOrDefault("function") is not string function)
        {
            throw new MockDeploymentException($"{where} needs a 'function'");
        }
        var arguments = call.GetValueOrDefault("arguments") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var provider = (call.GetValueOrDefault("options") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("provider") as ResourceHandle;
        var result = mocks.Call(new MockCallArgs(function, arguments, provider?.Name));
        if (call.GetValueOrDefault("return") is string field)
        {
            return result.TryGetValue(field, out var value)
                ? value
                : throw new MockDeploymentException($"{where}: '{function}' returned no field '{field}'");
        }
        return result;
    }

    private static string ExistingPath(object? argument, string where, MockDeploymentSettings settings)
    {
        var path = Path.GetFullPath(Text(argument, where), settings.ProjectDirectory);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new MockDeploymentException($"{where}: '{argument}' does not exist");
    }

    private static string Text(object? value, string where) => value switch
    {
        string s => s,
        Secret { Value: string s } => s,
        _ => throw new MockDeploymentException($"{where} expects text, not {value?.GetType().Name ?? "null"}"),
    };
}
