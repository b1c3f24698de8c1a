using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Messaging;

/// <summary>An SQS queue.</summary>
/// <param name="PhysicalName">The queue's name, known before deployment (alarms name it).</param>
public sealed record QueueResult(string LogicalName, string PhysicalName, Reference Url, Reference Arn)
{
    public const string SendAction = "sqs:SendMessage";

    public PolicyStatement Send() => PolicyStatement.Allow(PascalCase.Of("SendTo", LogicalName), [SendAction], Arn);

    /// <summary>The call of a sender (also Lambda sending a function's failures, as the function's role).</summary>
    public Call Sends() => new ApiCall(SendAction, Arn);

    /// <summary>Send to the encrypted queue, as one permission (the key through SQS).</summary>
    public Permission Sending() => new([Send()], [Sends()], ["sqs"]);
}
