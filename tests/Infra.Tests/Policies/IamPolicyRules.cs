using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Platform.Iam;
using Infra.Tests.Mocking;

namespace Infra.Tests.Policies;

/// <summary>
/// Least-privilege rules over every policy document a deployment passes to AWS (inputs named
/// <c>policy</c> or <c>assumeRolePolicy</c>): an Allow may not use a wildcard action or an
/// unscoped <c>*</c> resource. Deny statements may (they only take rights away). In a KMS key
/// policy, resource <c>*</c> means the key itself, and the one statement that may use
/// <c>kms:*</c> is the account root's, which hands the key's use to the account's IAM policies
/// (AWS's default key policy). Actions that support no resource-level permissions
/// (<see cref="WildcardResourceActions"/>) are allowed on <c>*</c> when a statement holds only them.
/// </summary>
public static class IamPolicyRules
{
    private static readonly string[] PolicyInputs = ["policy", "assumeRolePolicy"];
    private const string KmsKeyType = "aws:kms:Key";
    private static readonly Regex AccountRoot = new(@"^arn:aws:iam::\d{12}:root$");

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
                    var keyPolicy = resource.Type == KmsKeyType;
                    var accountRoot = keyPolicy && IsAccountRoot(statement);
                    foreach (var action in Strings(statement, "Action").Where(a => a.Contains('*', StringComparison.Ordinal) && !accountRoot))
                    {
                        violations.Add($"{resource.Name}.{input} statement {sid} allows wildcard action '{action}'");
                    }
                    if (!keyPolicy && Strings(statement, "Resource").Contains("*")
                        && !Strings(statement, "Action").All(WildcardResourceActions.All.Contains))
                    {
                        violations.Add($"{resource.Name}.{input} statement {sid} allows every resource ('*')");
                    }
                }
            }
        }
        return violations;
    }

    private static bool IsAccountRoot(JsonElement statement) =>
        statement.TryGetProperty("Principal", out var principal)
        && principal.ValueKind == JsonValueKind.Object
        && principal.EnumerateObject().Count() == 1
        && Strings(principal, "AWS").ToList() is [var arn]
        && AccountRoot.IsMatch(arn);

    private static IEnumerable<string> Strings(JsonElement statement, string name) =>
        !statement.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString() ?? "")
        : [value.GetString() ?? ""];
}
