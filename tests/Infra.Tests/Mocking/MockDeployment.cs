using System.Text;

namespace Infra.Tests.Mocking;

/// <summary>
/// Deploys a synthesized Pulumi YAML program against mocks, the way Pulumi's
/// <c>Deployment.TestAsync</c> runs a program: resources are created in dependency order,
/// every <c>${...}</c> reference and built-in is resolved, and outputs come from <see cref="IMocks"/>.
/// Fails on a reference to a missing item or output, a dependency cycle, an unknown
/// built-in, an unknown section or resource option.
/// </summary>
public sealed class MockDeployment
{
    public static readonly IReadOnlySet<string> Sections =
        new HashSet<string> { "name", "description", "config", "variables", "resources", "outputs" };

    public static readonly IReadOnlySet<string> ResourceOptionNames = new HashSet<string>
    {
        "additionalSecretOutputs", "aliases", "customTimeouts", "deleteBeforeReplace", "dependsOn",
        "ignoreChanges", "import", "parent", "protect", "provider", "providers", "version",
        "pluginDownloadURL", "replaceOnChanges", "retainOnDelete",
    };

    private readonly IMocks _mocks;
    private readonly MockDeploymentSettings _settings;
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);
    private readonly List<DeployedResource> _deployed = [];

    private MockDeployment(IMocks mocks, MockDeploymentSettings settings)
    {
        _mocks = mocks;
        _settings = settings;
    }

    public static DeploymentResult Run(string yaml, IMocks mocks, MockDeploymentSettings? settings = null) =>
        new MockDeployment(mocks, settings ?? new MockDeploymentSettings()).Deploy(yaml);

    private enum Kind { Config, Variable, Resource }

    private sealed record Item(string Name, Kind Kind, object? Body);

    private DeploymentResult Deploy(string yaml)
    {
        if (YamlDocument.Load(yaml) is not Dictionary<string, object?> document)
        {
            throw new MockDeploymentException("the program is not a YAML map");
        }
        foreach (var key in document.Keys.Where(key => !Sections.Contains(key)))
        {
            throw new MockDeploymentException($"unknown top-level section '{key}'");
        }
        Collect(document, "config", Kind.Config);
        Collect(document, "variables", Kind.Variable);
        Collect(document, "resources", Kind.Resource);

        foreach (var item in Order())
        {
            _values[item.Name] = item.Kind switch
            {
                Kind.Config => ResolveConfig(item),
                Kind.Variable => Evaluate(item.Body, $"variable '{item.Name}'"),
                _ => Create(item),
            };
        }
        var outputs = new Dictionary<string, object?>();
        foreach (var (name, expression) in Section(document, "outputs"))
        {
            foreach (var root in Roots(expression))
            {
                RequireKnown(root, $"output '{name}'");
            }
            outputs[name] = Evaluate(expression, $"output '{name}'");
        }
        var variables = _items.Values.Where(i => i.Kind == Kind.Variable).ToDictionary(i => i.Name, i => _values[i.Name]);
        return new DeploymentResult(_deployed, variables, outputs);
    }

    private static Dictionary<string, object?> Section(Dictionary<string, object?> document, string name) =>
        document.TryGetValue(name, out var section)
            ? section as Dictionary<string, object?> ?? throw new MockDeploymentException($"section '{name}' must be a map")
            : [];

    private void Collect(Dictionary<string, object?> document, string section, Kind kind)
    {
        foreach (var (name, body) in Section(document, section))
        {
            if (name == "pulumi" || !_items.TryAdd(name, new Item(name, kind, body)))
            {
                throw new MockDeploymentException($"duplicate name '{name}': config, variables and resources share one namespace");
            }
        }
    }

    private object? ResolveConfig(Item item)
    {
        if (_settings.Config.TryGetValue(item.Name, out var value))
        {
            return item.Body is Dictionary<string, object?> declaration && Equals(declaration.GetValueOrDefault("secret"), true)
                ? new Secret(value)
                : value;
        }
        if (item.Body is Dictionary<string, object?> map && map.TryGetValue("default", out var fallback))
        {
            return fallback;
        }
        if (item.Body is not Dictionary<string, object?>)
        {
            return item.Body;
        }
        throw new MockDeploymentException($"config '{item.Name}' has no value and no default");
    }

    /// <summary>Depth-first topological order; a cycle is reported with its path.</summary>
    private List<Item> Order()
    {
        var order = new List<Item>();
        var state = new Dictionary<string, bool>(); // false: visiting, true: done
        var path = new Stack<string>();

        void Visit(Item item)
        {
            if (state.TryGetValue(item.Name, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(name => name != item.Name).Append(item.Name);
                    throw new MockDeploymentException($"dependency cycle: {string.Join(" -> ", cycle)}");
                }
                return;
            }
            state[item.Name] = false;
            path.Push(item.Name);
            foreach (var root in Dependencies(item))
            {
                if (root != "pulumi")
                {
                    Visit(_items[root]);
                }
            }
            path.Pop();
            state[item.Name] = true;
            order.Add(item);
        }

        foreach (var item in _items.Values)
        {
            Visit(item);
        }
        return order;
    }

    private IEnumerable<string> Dependencies(Item item)
    {
        if (item.Kind == Kind.Config)
        {
            return [];
        }
        var body = item.Body;
        if (item.Kind == Kind.Resource && body is Dictionary<string, object?> resource)
        {
            body = new List<object?> { resource.GetValueOrDefault("properties"), resource.GetValueOrDefault("options") };
        }
        var roots = Roots(body).Distinct().ToList();
        foreach (var root in roots)
        {
            RequireKnown(root, $"{item.Kind.ToString().ToLowerInvariant()} '{item.Name}'");
        }
        return roots;
    }

    private void RequireKnown(string root, string where)
    {
        if (root != "pulumi" && !_items.ContainsKey(root))
        {
            throw new MockDeploymentException($"{where} references '{root}', which is not a resource, variable or config key of the program");
        }
    }

    private static IEnumerable<string> Roots(object? value) => value switch
    {
        string text => InterpolationParser.Parse(text).OfType<PropertyPath>().Select(path => path.Root),
        IEnumerable<KeyValuePair<string, object?>> map => map.SelectMany(entry => Roots(entry.Value)),
        IEnumerable<object?> list => list.SelectMany(Roots),
        _ => [],
    };

    private object Create(Item item)
    {
        var where = $"resource '{item.Name}'";
        if (item.Body is not Dictionary<string, object?> body || body.GetValueOrDefault("type") is not string type)
        {
            throw new MockDeploymentException($"{where} needs a 'type'");
        }
        foreach (var key in body.Keys.Where(k => k is not ("type" or "properties" or "options" or "defaultProvider" or "get")))
        {
            throw new MockDeploymentException($"{where} has unknown field '{key}'");
        }
        var inputs = Evaluate(body.GetValueOrDefault("properties") ?? new Dictionary<string, object?>(), where + " properties")
            as Dictionary<string, object?> ?? throw new MockDeploymentException($"{where}: properties must be a map");
        var options = body.GetValueOrDefault("options") as Dictionary<string, object?> ?? [];
        foreach (var key in options.Keys.Where(k => !ResourceOptionNames.Contains(k)))
        {
            throw new MockDeploymentException($"{where} has unknown resource option '{key}'");
        }
        var resolvedOptions = (Dictionary<string, object?>)Evaluate(options, where + " options")!;
        string? provider = null;
        if (resolvedOptions.TryGetValue("provider", out var providerValue))
        {
            if (providerValue is not ResourceHandle { Type: var providerType } handle || !providerType.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            {
                throw new MockDeploymentException($"{where}: option 'provider' must reference a provider resource");
            }
            provider = handle.Name;
        }
        var dependsOn = resolvedOptions.GetValueOrDefault("dependsOn") switch
        {
            null => [],
            List<object?> list => list.Select(entry => entry is ResourceHandle handle
                ? handle.Name
                : throw new MockDeploymentException($"{where}: dependsOn entries must reference resources")).ToList(),
            _ => throw new MockDeploymentException($"{where}: dependsOn must be a list"),
        };

        var result = _mocks.NewResource(new MockResourceArgs(type, item.Name, inputs, provider));
        var outputs = new Dictionary<string, object?>(result.Outputs)
        {
            ["id"] = result.Id,
            ["urn"] = $"urn:pulumi:{_settings.Stack}::{_settings.Project}::{type}::{item.Name}",
        };
        _deployed.Add(new DeployedResource(item.Name, type, result.Id, inputs, outputs, provider, dependsOn, resolvedOptions));
        return new ResourceState(new ResourceHandle(item.Name, type), outputs);
    }

    private sealed record ResourceState(ResourceHandle Handle, IReadOnlyDictionary<string, object?> Outputs);

    private object? Evaluate(object? value, string where) => value switch
    {
        string text => Interpolate(text, where),
        Dictionary<string, object?> map when map.Keys.Any(k => k.StartsWith("fn::", StringComparison.Ordinal)) =>
            map.Count == 1
                ? BuiltIns.Call(map.Keys.Single()[4..], Evaluate(map.Values.Single(), where), where, _mocks, _settings)
                : throw new MockDeploymentException($"{where}: a built-in call must be the only key of its map"),
        Dictionary<string, object?> map => map.ToDictionary(entry => entry.Key, entry => Evaluate(entry.Value, $"{where}.{entry.Key}")),
        List<object?> list => list.Select((entry, index) => Evaluate(entry, $"{where}[{index}]")).ToList(),
        _ => value,
    };

    private object? Interpolate(string text, string where)
    {
        var parts = InterpolationParser.Parse(text);
        if (parts is [PropertyPath only])
        {
            return Lookup(only, where);
        }
        var builder = new StringBuilder();
        var secret = false;
        foreach (var part in parts)
        {
            if (part is string literal)
            {
                builder.Append(literal);
                continue;
            }
            var resolved = Lookup((PropertyPath)part, where);
            if (resolved is Secret wrapped)
            {
                secret = true;
                resolved = wrapped.Value;
            }
            builder.Append(resolved switch
            {
                string s => s,
                bool b => b ? "true" : "false",
                long or double or int => Convert.ToString(resolved, System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new MockDeploymentException($"{where}: '${{{part}}}' is a {resolved?.GetType().Name ?? "null"} and cannot be interpolated into text"),
            });
        }
        return secret ? new Secret(builder.ToString()) : builder.ToString();
    }

    private object? Lookup(PropertyPath path, string where)
    {
        if (path.Root == "pulumi")
        {
            var builtIn = new Dictionary<string, object?>
            {
                ["stack"] = _settings.Stack,
                ["project"] = _settings.Project,
                ["organization"] = _settings.Organization,
                ["cwd"] = _settings.ProjectDirectory,
            };
            return Navigate.Accessors(builtIn, path.Accessors, "pulumi");
        }
        if (!_values.TryGetValue(path.Root, out var value))
        {
            throw new MockDeploymentException($"{where} references '{path.Root}', which is not a resource, variable or config key of the program");
        }
        if (value is ResourceState resource)
        {
            if (path.Accessors.Count == 0)
            {
                return resource.Handle;
            }
            if (path.Accessors[0] is not string output || !resource.Outputs.ContainsKey(output))
            {
                throw new MockDeploymentException(
                    $"{where} references '${{{path}}}', but resource '{path.Root}' ({resource.Handle.Type}) has no output '{path.Accessors[0]}'");
            }
            return Navigate.Accessors(resource.Outputs, path.Accessors, path.Root);
        }
        return Navigate.Accessors(value, path.Accessors, path.Root);
    }
}

/// <summary>The deployment's context: stack, project and the stack config values of declared keys.</summary>
public sealed record MockDeploymentSettings
{
    public string Stack { get; init; } = "test";
    public string Project { get; init; } = "dataplatform";
    public string Organization { get; init; } = "organization";
    public string ProjectDirectory { get; init; } = Directory.GetCurrentDirectory();
    public IReadOnlyDictionary<string, object?> Config { get; init; } = new Dictionary<string, object?>();
}
