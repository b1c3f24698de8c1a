using System.Text.Json;
using Infra.Tests.Mocking;

namespace Infra.Tests.Policies;

/// <summary>
/// Least-privilege rules over every policy document a deployment passes to AWS (inputs named
/// <c>policy</c> or <c>assumeRolePolicy</c>): an Allow may not use a wildcard action or an
/// unscoped <c>*</c> resource. Deny statements may (they only take rights away).
/// </summary>
public static class IamPolicyRules
{
    private static readonly string[] PolicyInputs = ["policy", "assumeRolePolicy"];

    public static IReadOnlyList<string> Violations(DeploymentResult deployment)
    {
        var violations = new List<string>();
        foreach (var resource in deployment.Resources)
        {
            foreach (var input in PolicyInputs)
            {
                if (resource.Inputs.GetValueOrDefault(input) is not string json)
                {
                    continue;
                }
                using var document = JsonDocument.Parse(json);
                foreach (var statement in document.RootElement.GetProperty("Statement").EnumerateArray())
                {
                    if (statement.GetProperty("Effect").GetString() != "Allow")
                    {
                        continue;
                    }
                    var sid = statement.TryGetProperty("Sid", out var id) ? id.GetString() : "(no Sid)";
                    foreach (var action in Strings(statement, "Action").Where(a => a.Contains('*', StringComparison.Ordinal)))
                    {
                        violations.Add($"{resource.Name}.{input} statement {sid} allows wildcard action '{action}'");
                    }
                    if (Strings(statement, "Resource").Contains("*"))
                    {
                        violations.Add($"{resource.Name}.{input} statement {sid} allows every resource ('*')");
                    }
                }
            }
        }
        return violations;
    }

    private static IEnumerable<string> Strings(JsonElement statement, string name) =>
        !statement.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString() ?? "")
        : [value.GetString() ?? ""];
}
