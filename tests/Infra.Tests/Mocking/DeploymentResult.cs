namespace Infra.Tests.Mocking;

/// <summary>What a mock deployment produced: every resource with its resolved inputs, and the stack outputs.</summary>
public sealed class DeploymentResult(
    IReadOnlyList<DeployedResource> resources,
    IReadOnlyDictionary<string, object?> variables,
    IReadOnlyDictionary<string, object?> outputs)
{
    /// <summary>Resources in the order they were deployed (dependencies first).</summary>
    public IReadOnlyList<DeployedResource> Resources { get; } = resources;
    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;
    public IReadOnlyDictionary<string, object?> Outputs { get; } = outputs;

    public DeployedResource Resource(string name) =>
        Resources.SingleOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"no resource '{name}' was deployed");

    public IEnumerable<DeployedResource> OfType(string type) => Resources.Where(r => r.Type == type);
}

public sealed record DeployedResource(
    string Name,
    string Type,
    string Id,
    IReadOnlyDictionary<string, object?> Inputs,
    IReadOnlyDictionary<string, object?> Outputs,
    string? Provider,
    IReadOnlyList<string> DependsOn,
    IReadOnlyDictionary<string, object?> Options)
{
    /// <summary>An input by path, e.g. <c>rules[0].applyServerSideEncryptionByDefault.sseAlgorithm</c>.</summary>
    public object? Input(string path) => Navigate.Path(Inputs, path, $"resource '{Name}' inputs");

    public bool HasOption(string name, object value) => Options.TryGetValue(name, out var actual) && Equals(actual, value);
}
