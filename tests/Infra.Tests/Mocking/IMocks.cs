namespace Infra.Tests.Mocking;

/// <summary>
/// Invents what the cloud would return, like Pulumi's <c>IMocks</c>: the outputs of each new
/// resource and the result of each provider function call.
/// </summary>
public interface IMocks
{
    MockResourceResult NewResource(MockResourceArgs args);

    IReadOnlyDictionary<string, object?> Call(MockCallArgs args);
}

/// <param name="Type">Type token.</param>
/// <param name="Name">Logical name.</param>
/// <param name="Inputs">Properties with every reference and built-in resolved.</param>
/// <param name="Provider">Logical name of the explicit provider, if any.</param>
public sealed record MockResourceArgs(string Type, string Name, IReadOnlyDictionary<string, object?> Inputs, string? Provider);

/// <param name="Id">The physical id.</param>
/// <param name="Outputs">Output properties; the deployment adds <c>id</c> and <c>urn</c>.</param>
public sealed record MockResourceResult(string Id, IReadOnlyDictionary<string, object?> Outputs);

public sealed record MockCallArgs(string Function, IReadOnlyDictionary<string, object?> Arguments, string? Provider);
