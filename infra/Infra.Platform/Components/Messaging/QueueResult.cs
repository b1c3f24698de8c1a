using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Messaging;

/// <summary>An SQS queue.</summary>
/// <param name="PhysicalName">The queue's name, known before deployment (alarms name it).</param>
public sealed record QueueResult(string LogicalName, string PhysicalName, Reference Url, Reference Arn)
{
    public PolicyStatement Send() => PolicyStatement.Allow(PascalCase.Of("SendTo", LogicalName), ["sqs:SendMessage"], Arn);
}
