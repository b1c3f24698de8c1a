using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Functions;

/// <param name="LogicalName">The function resource's logical name.</param>
/// <param name="Permissions">The role's policy: whatever invokes or maps the function waits for it.</param>
/// <param name="PhysicalName">The function's name, known before deployment (alarms and dashboards name it).</param>
/// <param name="DeadLetterQueue">Where failed asynchronous invocations go, if anywhere.</param>
public sealed record FunctionResult(string LogicalName, Pipelines.Declarations.Functions.FunctionContract Contract, string PhysicalName, Reference Name, Reference Arn, Reference RoleArn, Reference Permissions, Messaging.QueueResult? DeadLetterQueue)
{
    /// <summary>The hash of the deployed code: what changes when the function is redeployed with other code.</summary>
    public Reference CodeSha256 => new(LogicalName, "codeSha256");

    public PolicyStatement Invoke() =>
        PolicyStatement.Allow(PascalCase.Of("Invoke", LogicalName), ["lambda:InvokeFunction"], Arn);
}
