using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Functions;

/// <param name="LogicalName">The function resource's logical name.</param>
/// <param name="Permissions">The role's policy: whatever invokes or maps the function waits for it.</param>
public sealed record FunctionResult(string LogicalName, Reference Name, Reference Arn, Reference RoleArn, Reference Permissions)
{
    public PolicyStatement Invoke() =>
        PolicyStatement.Allow(PascalCase.Of("Invoke", LogicalName), ["lambda:InvokeFunction"], Arn);
}
