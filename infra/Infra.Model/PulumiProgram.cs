using Infra.Model.Resources;
using Infra.Model.Values;

namespace Infra.Model;

/// <summary>
/// A Pulumi YAML program under construction. Config keys, variables and resources share
/// one namespace, as they do in Pulumi YAML; adding a name twice fails at synth time.
/// </summary>
public sealed class PulumiProgram(string name, string? description = null)
{
    private readonly List<KeyValuePair<string, ConfigDeclaration>> _config = [];
    private readonly List<KeyValuePair<string, Value>> _variables = [];
    private readonly List<Resource> _resources = [];
    private readonly List<KeyValuePair<string, Value>> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public string? Description { get; } = description;
    public IReadOnlyList<KeyValuePair<string, ConfigDeclaration>> Config => _config;
    public IReadOnlyList<KeyValuePair<string, Value>> Variables => _variables;
    public IReadOnlyList<Resource> Resources => _resources;
    public IReadOnlyList<KeyValuePair<string, Value>> Outputs => _outputs;

    public Reference AddConfig(string key, ConfigDeclaration declaration)
    {
        Claim(key, "config key");
        _config.Add(new(key, declaration));
        return new Reference(key);
    }

    public Reference AddVariable(string name, Value value)
    {
        Claim(name, "variable");
        _variables.Add(new(name, value));
        return new Reference(name);
    }

    public Resource Add(Resource resource)
    {
        Claim(resource.Name, "resource");
        _resources.Add(resource);
        return resource;
    }

    public void AddOutput(string name, Value value)
    {
        LogicalName.Validate(name);
        if (_outputs.Exists(output => output.Key == name))
        {
            throw new SynthesisException($"duplicate output '{name}'");
        }
        _outputs.Add(new(name, value));
    }

    private void Claim(string name, string kind)
    {
        LogicalName.Validate(name);
        if (!_names.Add(name))
        {
            throw new SynthesisException(
                $"duplicate logical name '{name}' ({kind}): config keys, variables and resources share one namespace");
        }
    }
}
