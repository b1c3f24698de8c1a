using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Model.Yaml;

namespace Infra.TypeCheck;

/// <summary>
/// Translates a program into a TypeScript module against Pulumi's npm SDKs: each resource
/// becomes <c>new module.Type("name", { inline object literal }, { options })</c>, so the
/// compiler reports unknown properties, wrong value types, missing required inputs,
/// wrong type tokens and attributes that do not exist.
/// </summary>
public sealed partial class TypeScriptTranslator
{
    private readonly string _programName;
    private readonly Dictionary<string, string> _identifiers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _imports = new(StringComparer.Ordinal);
    private readonly LineWriter _body = new();

    private TypeScriptTranslator(string programName) => _programName = programName;

    public static TranslatedProgram Translate(string programName, PulumiProgram program) =>
        new TypeScriptTranslator(programName).Run(program);

    private TranslatedProgram Run(PulumiProgram program)
    {
        var order = ProgramOrder.Sort(program);
        foreach (var item in order)
        {
            var prefix = item.Declaration switch { ConfigDeclaration => "c_", Resource => "r_", _ => "v_" };
            _identifiers[item.Name] = Unique(prefix + Sanitize(item.Name));
        }
        if (program.Config.Count > 0)
        {
            _body.Line(0, "const config = new pulumi.Config();", Location("", null, ""));
        }
        foreach (var item in order)
        {
            switch (item.Declaration)
            {
                case ConfigDeclaration config:
                    _body.Line(0, $"const {_identifiers[item.Name]} = {ConfigRead(item.Name, config)};", Location(item.Name, null, ""));
                    break;
                case Value value:
                    WriteEntry($"const {_identifiers[item.Name]} = ", value, ";", 0, item.Name, null, "");
                    break;
                case Resource resource:
                    WriteResource(resource);
                    break;
            }
        }
        foreach (var (name, value) in program.Outputs)
        {
            WriteEntry($"export const {Unique("o_" + Sanitize(name))} = ", value, ";", 0, name, null, "");
        }

        var file = new LineWriter();
        var header = Location("", null, "");
        file.Line(0, "import * as pulumi from \"@pulumi/pulumi\";", header);
        foreach (var (module, alias) in _imports)
        {
            file.Line(0, $"import * as {alias} from \"{module}\";", header);
        }
        file.Line(0, "export {};", header);
        file.Append(_body);
        return new TranslatedProgram(_programName, file.Source(), file.Locations);
    }

    private void WriteResource(Resource resource)
    {
        var (module, export) = PulumiToken.Resource(resource.Type);
        var constructor = $"{Import(module)}.{export}";
        var name = resource.Name;
        var options = resource.Options.ToMap();
        var head = $"const {_identifiers[name]} = new {constructor}({Literal(name)}, ";
        var tail = options.Count > 0 ? "," : ");";
        WriteEntry(head, resource.Properties, tail, 0, name, resource.Type, "");
        if (options.Count > 0)
        {
            WriteEntry("", options, ");", 0, name, resource.Type, "options");
        }
    }

    private void WriteEntry(string prefix, Value value, string suffix, int indent, string item, string? type, string path)
    {
        var location = Location(item, type, path);
        switch (value)
        {
            case MapValue { Count: > 0 } map:
                _body.Line(indent, prefix + "{", location);
                foreach (var (key, entry) in map)
                {
                    WriteEntry($"{Literal(key)}: ", entry, ",", indent + 1, item, type, Join(path, key));
                }
                _body.Line(indent, "}" + suffix, location);
                break;
            case ListValue list when list.Items.Count > 0:
                _body.Line(indent, prefix + "[", location);
                for (var i = 0; i < list.Items.Count; i++)
                {
                    WriteEntry("", list.Items[i], ",", indent + 1, item, type, $"{path}[{i}]");
                }
                _body.Line(indent, "]" + suffix, location);
                break;
            case BuiltIn call:
                WriteBuiltIn(prefix, call, suffix, indent, item, type, path);
                break;
            default:
                _body.Line(indent, prefix + Inline(value) + suffix, location);
                break;
        }
    }

    private void WriteBuiltIn(string prefix, BuiltIn call, string suffix, int indent, string item, string? type, string path)
    {
        var argument = call.Argument;
        switch (call.Function)
        {
            case "toJSON":
                WriteEntry(prefix + "pulumi.jsonStringify(", argument, ")" + suffix, indent, item, type, path);
                break;
            case "secret":
                WriteEntry(prefix + "pulumi.secret(", argument, ")" + suffix, indent, item, type, path);
                break;
            case "toBase64":
                WriteEntry(prefix + "pulumi.output<string>(", argument, ")" + suffix, indent, item, type, path);
                break;
            case "join" when argument is ListValue { Items: [Text delimiter, var items] }:
                WriteEntry(prefix + "pulumi.output(", items, $").apply(items => items.join({Literal(delimiter.Content)})){suffix}", indent, item, type, path);
                break;
            case "select" when argument is ListValue { Items: [Integer index, var items] }:
                WriteEntry(prefix + "pulumi.output(", items, $").apply(items => items[{index.Content}]){suffix}", indent, item, type, path);
                break;
            case "split" when argument is ListValue { Items: [Text delimiter, var text] }:
                WriteEntry(prefix + "pulumi.output<string>(", text, $").apply(text => text.split({Literal(delimiter.Content)})){suffix}", indent, item, type, path);
                break;
            case "invoke" when argument is MapValue invoke && invoke.TryGet("function", out var function) && function is Text token:
                var (module, export) = PulumiToken.Function(token.Content);
                var options = invoke.TryGet("options", out var invokeOptions) ? ", " + InlineOptions(invokeOptions) : "";
                var field = invoke.TryGet("return", out var returned) && returned is Text name ? "." + name.Content : "";
                invoke.TryGet("arguments", out var arguments);
                WriteEntry($"{prefix}{Import(module)}.{export}(", arguments, $"{options}){field}{suffix}", indent, item, type, path);
                break;
            case "fileArchive" or "fileAsset" or "stringAsset" when argument is Text text:
                var kind = char.ToUpperInvariant(call.Function[0]) + call.Function[1..];
                _body.Line(indent, $"{prefix}new pulumi.asset.{kind}({Literal(text.Content)}){suffix}", Location(item, type, path));
                break;
            case "assetArchive" when argument is MapValue assets:
                WriteEntry(prefix + "new pulumi.asset.AssetArchive(", assets, $"){suffix}", indent, item, type, path);
                break;
            case "readFile" when argument is Text file:
                _body.Line(indent, $"{prefix}{Literal(file.Content)}{suffix}", Location(item, type, path));
                break;
            default:
                throw new SynthesisException($"{item}: fn::{call.Function} with this argument has no TypeScript translation");
        }
    }

    private string InlineOptions(Value options) => options is MapValue map
        ? "{ " + string.Join(", ", map.Select(entry => $"{entry.Key}: {Inline(entry.Value)}")) + " }"
        : Inline(options);

    private string Inline(Value value) => value switch
    {
        Text text => Literal(text.Content),
        Integer number => number.Content.ToString(CultureInfo.InvariantCulture),
        Number number => number.Content.ToString("R", CultureInfo.InvariantCulture),
        Bool flag => flag.Content ? "true" : "false",
        Null => "undefined",
        Reference reference => ReferenceExpression(reference),
        Interpolation interpolation => "pulumi.interpolate`" + string.Concat(interpolation.Parts.Select(part =>
            part is Text text ? EscapeTemplate(text.Content) : "${" + ReferenceExpression((Reference)part) + "}")) + "`",
        MapValue => "{}",
        ListValue => "[]",
        _ => throw new SynthesisException($"{value.GetType().Name} cannot be written inline"),
    };

    private string ReferenceExpression(Reference reference)
    {
        if (!_identifiers.TryGetValue(reference.Root, out var identifier))
        {
            throw new SynthesisException($"reference to unknown '{reference.Root}' in {reference}");
        }
        return reference.Path is null ? identifier : $"{identifier}.{reference.Path}";
    }

    private static string ConfigRead(string key, ConfigDeclaration config)
    {
        var secret = config.Secret ? "Secret" : "";
        var (getter, fallback) = config.Type switch
        {
            ConfigType.Integer => ("Number", config.Default is Integer n ? n.Content.ToString(CultureInfo.InvariantCulture) : null),
            ConfigType.Boolean => ("Boolean", config.Default is Bool b ? (b.Content ? "true" : "false") : null),
            ConfigType.Object => ("Object<any>", null as string),
            _ => ("", config.Default is Text t ? Literal(t.Content) : null),
        };
        return fallback is null
            ? $"config.require{secret}{getter}({Literal(key)})"
            : $"config.get{secret}{getter}({Literal(key)}) ?? {fallback}";
    }

    private string Import(string module)
    {
        if (!_imports.TryGetValue(module, out var alias))
        {
            alias = Unique("m_" + Sanitize(module.Replace("@pulumi/", "", StringComparison.Ordinal)));
            _imports[module] = alias;
        }
        return alias;
    }

    private string Unique(string identifier)
    {
        var candidate = identifier;
        for (var i = 2; !_taken.Add(candidate); i++)
        {
            candidate = $"{identifier}_{i}";
        }
        return candidate;
    }

    private SourceLocation Location(string item, string? type, string path) => new(_programName, item, type, path);

    private static string Join(string path, string key) =>
        path.Length == 0 ? key : IdentifierPattern().IsMatch(key) ? $"{path}.{key}" : $"{path}[{Literal(key)}]";

    private static string Sanitize(string name) => NonIdentifierCharacters().Replace(name, "_");

    private static string EscapeTemplate(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal).Replace("${", "\\${", StringComparison.Ordinal);

    /// <summary>A TypeScript string literal: the YAML double-quoted form is valid TypeScript.</summary>
    public static string Literal(string text) => YamlScalar.DoubleQuoted(text);

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NonIdentifierCharacters();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
