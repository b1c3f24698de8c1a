using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Messaging;

/// <summary>An SQS queue.</summary>
public sealed record QueueResult(string LogicalName, Reference Url, Reference Arn)
{
    public PolicyStatement Send() => PolicyStatement.Allow(PascalCase.Of("SendTo", LogicalName), ["sqs:SendMessage"], Arn);
}
