using System.Text;
using System.Text.Json;

namespace Lambdas.Tests.Support;

/// <summary>
/// The one generator of hostile input every function is tried with: strings (lone surrogates, invalid UTF-8,
/// control characters, NUL, emoji, right-to-left text, escapes, sizes), numbers (at and beyond 64-bit and decimal
/// limits, exponents, negative zero), shapes (non-objects, repeated and missing properties, wrong types, deep
/// nesting) and encodings (byte order marks, truncation). Seeded: a failing case names its seed and is replayed
/// exactly by it.
/// </summary>
public sealed class Hostile(int seed)
{
    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    private static readonly string[] Strings =
    [
        "", " ", "\\ud800", "a\\ud800b", "\\udfff", "\\udc00\\ud800", "\\u0000", "nul\\u0000inside", "\\u001f\\u0007",
        "😀", "\\ud83d\\ude00", "مرحبا", "\\u202eevil", "עברית", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\\u0301", "\\ufeffbom", "\\uffff",
        "<script>&'\\\"", "\\\\", "\\/", "tab\\tand\\r\\n", "9223372036854775808", "NaN", "null", "true", "1e400",
        "2026-02-30", "0000-00-00", "9999-12-31T23:59:59Z", "-0001-01-01", "1990-01-01", "2099-12-31",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "0.0", "1.5", "-1.5", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "79228162514264337593543950335",
        "79228162514264337593543950336", "123456789012345678901234567890.123456789", "0.000000000000000000000000000001",
        "1e308", "-1.7976931348623157e308", "1e400", "-1e400", "1e-400", "1E+2", "5e-324", "12345678901234567890123456789012345678901234567890",
    ];

    /// <summary>Byte sequences that are not UTF-8: a lone continuation, an overlong encoding, a truncated sequence, an encoded surrogate, bytes that never occur.</summary>
    private static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xC0, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xFF], [0xFE, 0xFE], [0xF4, 0x90, 0x80, 0x80], [0xC3],
    ];

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A JSON string literal, quotes included, holding something hostile; sometimes very long.</summary>
    public string StringLiteral() => _random.Next(12) switch
    {
        0 => $"\"{new string('x', Pick([300, 70_000]))}\"",
        1 => $"\"{string.Concat(Enumerable.Repeat("\\u00e9😀", 200))}\"",
        _ => $"\"{Pick(Strings)}\"",
    };

    /// <summary>A JSON number literal at or past a limit of some numeric type.</summary>
    public string NumberLiteral() => Pick(Numbers);

    /// <summary>Any JSON value, nested a little or far past what parsers allow by default.</summary>
    public string Value(int depth = 0) => _random.Next(depth > 2 ? 5 : 9) switch
    {
        0 or 1 => StringLiteral(),
        2 or 3 => NumberLiteral(),
        4 => Pick(["true", "false", "null"]),
        5 => $"[{string.Join(',', Enumerable.Range(0, _random.Next(4)).Select(_ => Value(depth + 1)))}]",
        6 => $"{{{string.Join(',', Enumerable.Range(0, _random.Next(3)).Select(i => $"\"k{i}\":{Value(depth + 1)}"))}}}",
        7 => new string('[', 200) + new string(']', 200),
        _ => "{}",
    };

    /// <summary>
    /// The valid record spoiled one way or, now and then, left as it is (<see cref="Case.Untouched"/>) so a test can
    /// check that good records still pass among bad ones. The bytes never hold a line break outside a string escape.
    /// </summary>
    public Case Record(string validJson)
    {
        var properties = Properties(validJson);
        var index = _random.Next(properties.Count);
        var (name, _) = properties[index];
        switch (_random.Next(14))
        {
            case 0:
            case 1:
                return new(Utf8(validJson), "untouched", Untouched: true);
            case 2:
                return Replaced(properties, index, StringLiteral(), $"{name} = hostile string");
            case 3:
                return Replaced(properties, index, NumberLiteral(), $"{name} = hostile number");
            case 4:
                return Replaced(properties, index, Value(), $"{name} = any value");
            case 5:
                properties.RemoveAt(index);
                return new(Utf8(Object(properties)), $"{name} missing");
            case 6:
                properties.Insert(index + 1, (name, Value()));
                return new(Utf8(Object(properties)), $"{name} repeated");
            case 7:
                properties.Add(($"extra_{_random.Next(100)}", Value()));
                return new(Utf8(Object(properties)), "unknown property");
            case 8:
                return new(Utf8(Value()), "not an object");
            case 9:
                return WithInvalidUtf8(properties, index);
            case 10:
                var bytes = Utf8(validJson);
                var cut = _random.Next(bytes.Length);
                return new(bytes[..cut], $"truncated at {cut}");
            case 11:
                return new([0xEF, 0xBB, 0xBF, .. Utf8(validJson)], "byte order mark");
            case 12:
                return new(Utf8(Pick(["", " ", "\t", "{", "}", "[", "\"", "nul", "{}}", "{\"a\":1}{\"b\":2}"])), "broken syntax");
            default:
                return Replaced(properties, index, new string('[', 100) + "1" + new string(']', 100), $"{name} nested 100 deep");
        }
    }

    private Case Replaced(List<(string Name, string Value)> properties, int index, string value, string label)
    {
        properties[index] = (properties[index].Name, value);
        return new(Utf8(Object(properties)), label);
    }

    private Case WithInvalidUtf8(List<(string Name, string Value)> properties, int index)
    {
        const string Marker = "@INVALID@";
        var invalid = Pick(InvalidUtf8);
        properties[index] = (properties[index].Name, $"\"a{Marker}b\"");
        var text = Object(properties);
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        byte[] bytes = [.. Utf8(text[..at]), .. invalid, .. Utf8(text[(at + Marker.Length)..])];
        return new(bytes, $"{properties[index].Name} holds invalid UTF-8 {Convert.ToHexString(invalid)}");
    }

    private static List<(string Name, string Value)> Properties(string validJson)
    {
        using var document = JsonDocument.Parse(validJson);
        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText()))];
    }

    private static string Object(IEnumerable<(string Name, string Value)> properties) =>
        $"{{{string.Join(',', properties.Select(p => $"\"{p.Name}\":{p.Value}"))}}}";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>One generated input: its bytes, what was done to it, and whether it is the valid record unchanged.</summary>
    public sealed record Case(byte[] Bytes, string Label, bool Untouched = false)
    {
        public override string ToString() => Label;
    }
}
