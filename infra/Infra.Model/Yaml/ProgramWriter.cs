using System.Text;
using Infra.Model.Resources;
using Infra.Model.Values;

namespace Infra.Model.Yaml;

/// <summary>Writes a <see cref="PulumiProgram"/> as a Pulumi YAML document, deterministically.</summary>
public static class ProgramWriter
{
    private const string Indent = "  ";

    public static string Write(PulumiProgram program)
    {
        var document = new MapValue { ["name"] = program.Name };
        if (program.Description is not null)
        {
            document["description"] = program.Description;
        }
        if (program.Config.Count > 0)
        {
            document["config"] = Section(program.Config.Select(c => new KeyValuePair<string, Value>(c.Key, c.Value.ToMap())));
        }
        if (program.Variables.Count > 0)
        {
            document["variables"] = Section(program.Variables);
        }
        if (program.Resources.Count > 0)
        {
            document["resources"] = Section(program.Resources.Select(r => new KeyValuePair<string, Value>(r.Name, Declaration(r))));
        }
        if (program.Outputs.Count > 0)
        {
            document["outputs"] = Section(program.Outputs);
        }
        var builder = new StringBuilder();
        WriteMapEntries(builder, document, 0);
        return builder.ToString();
    }

    private static MapValue Section(IEnumerable<KeyValuePair<string, Value>> entries)
    {
        var map = new MapValue();
        foreach (var (key, value) in entries)
        {
            map.Add(key, value);
        }
        return map;
    }

    private static MapValue Declaration(Resource resource)
    {
        var map = new MapValue { ["type"] = resource.Type };
        if (resource.Properties.Count > 0)
        {
            map["properties"] = resource.Properties;
        }
        var options = resource.Options.ToMap();
        if (options.Count > 0)
        {
            map["options"] = options;
        }
        return map;
    }

    private static void WriteMapEntries(StringBuilder builder, MapValue map, int depth, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!(first && firstInline))
            {
                AppendIndent(builder, depth);
            }
            first = false;
            builder.Append(YamlScalar.String(key)).Append(':');
            WriteNested(builder, Expand(value), depth);
        }
    }

    private static void WriteNested(StringBuilder builder, Value value, int depth)
    {
        switch (value)
        {
            case MapValue { Count: > 0 } map:
                builder.Append('\n');
                WriteMapEntries(builder, map, depth + 1);
                break;
            case ListValue list when list.Items.Count > 0:
                builder.Append('\n');
                WriteListItems(builder, list, depth + 1);
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteListItems(StringBuilder builder, ListValue list, int depth)
    {
        foreach (var item in list)
        {
            AppendIndent(builder, depth);
            builder.Append('-');
            switch (Expand(item))
            {
                case MapValue { Count: > 0 } map:
                    builder.Append(' ');
                    WriteMapEntries(builder, map, depth + 1, firstInline: true);
                    break;
                case ListValue nested when nested.Items.Count > 0:
                    builder.Append('\n');
                    WriteListItems(builder, nested, depth + 1);
                    break;
                case var scalar:
                    builder.Append(' ').Append(Scalar(scalar)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>Built-ins are written as one-key maps.</summary>
    private static Value Expand(Value value) =>
        value is BuiltIn call ? new MapValue { [call.Key] = call.Argument } : value;

    private static string Scalar(Value value) => value switch
    {
        Text text => YamlScalar.String(EscapeInterpolation(text.Content)),
        Reference reference => YamlScalar.String(reference.ToString()),
        Interpolation interpolation => YamlScalar.String(Render(interpolation)),
        Integer number => YamlScalar.Integer(number.Content),
        Number number => YamlScalar.Number(number.Content),
        Bool flag => YamlScalar.Bool(flag.Content),
        Null => "null",
        MapValue => "{}",
        ListValue => "[]",
        _ => throw new SynthesisException($"cannot write a {value.GetType().Name} as a scalar"),
    };

    private static string Render(Interpolation interpolation)
    {
        var builder = new StringBuilder();
        foreach (var part in interpolation.Parts)
        {
            builder.Append(part is Text text ? EscapeInterpolation(text.Content) : part.ToString());
        }
        return builder.ToString();
    }

    /// <summary>Pulumi YAML reads "$${" as a literal "${".</summary>
    private static string EscapeInterpolation(string text) => text.Replace("${", "$${", StringComparison.Ordinal);

    private static void AppendIndent(StringBuilder builder, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            builder.Append(Indent);
        }
    }
}
