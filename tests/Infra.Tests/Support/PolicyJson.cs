using System.Text.Json;
using Infra.Tests.Mocking;

namespace Infra.Tests.Support;

/// <summary>Reads the statements of a deployed resource's policy input, and a statement's field as a list.</summary>
public static class PolicyJson
{
    public static JsonElement[] Statements(DeploymentResult stack, string resource, string input = "policy") =>
        JsonDocument.Parse((string)stack.Resource(resource).Input(input)!).RootElement.GetProperty("Statement").EnumerateArray().ToArray();

    public static List<string> Strings(JsonElement statement, string name) =>
        statement.GetProperty(name).ValueKind == JsonValueKind.Array
            ? [.. statement.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)]
            : [statement.GetProperty(name).GetString()!];
}
