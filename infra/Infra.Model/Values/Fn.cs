namespace Infra.Model.Values;

/// <summary>Typed constructors for the Pulumi YAML built-in functions the project uses.</summary>
public static class Fn
{
    public static BuiltIn ToJson(Value value) => new("toJSON", value);

    public static BuiltIn Join(string delimiter, ListValue items) => new("join", new ListValue { delimiter, items });

    public static BuiltIn Select(int index, Value list) => new("select", new ListValue { index, list });

    public static BuiltIn Split(string delimiter, Value text) => new("split", new ListValue { delimiter, text });

    public static BuiltIn Secret(Value value) => new("secret", value);

    public static BuiltIn ToBase64(Value value) => new("toBase64", value);

    public static BuiltIn ReadFile(string path) => new("readFile", path);

    public static BuiltIn FileArchive(string path) => new("fileArchive", path);

    public static BuiltIn FileAsset(string path) => new("fileAsset", path);

    public static BuiltIn StringAsset(string content) => new("stringAsset", content);

    /// <summary>An archive built from assets, each under the path it gets in the archive.</summary>
    public static BuiltIn AssetArchive(MapValue assets) => new("assetArchive", assets);

    /// <summary>Calls a provider function; <paramref name="returnField"/> picks one field of its result.</summary>
    public static BuiltIn Invoke(string function, MapValue arguments, string? returnField = null, Reference? provider = null)
    {
        var call = new MapValue { ["function"] = function, ["arguments"] = arguments };
        if (provider is not null)
        {
            call["options"] = new MapValue { ["provider"] = provider };
        }
        if (returnField is not null)
        {
            call["return"] = returnField;
        }
        return new BuiltIn("invoke", call);
    }

    /// <summary>
    /// Builds an interpolated string from a C# interpolated string: references become
    /// <c>${...}</c>, every other argument is formatted as literal text.
    /// </summary>
    public static Value Interpolate(FormattableString template)
    {
        var parts = new List<Value>();
        var format = template.Format;
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = format.IndexOf('}', i);
                var index = int.Parse(format.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture);
                switch (template.GetArgument(index))
                {
                    case Reference reference:
                        Flush(literal, parts);
                        parts.Add(reference);
                        break;
                    case Text text:
                        literal.Append(text.Content);
                        break;
                    case IFormattable formattable:
                        literal.Append(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case var other:
                        literal.Append(other);
                        break;
                }
                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }
        Flush(literal, parts);
        return parts is [Text only] ? only : parts is [Reference single] ? single : new Interpolation(parts);
    }

    private static void Flush(System.Text.StringBuilder literal, List<Value> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(new Text(literal.ToString()));
            literal.Clear();
        }
    }
}
