using Infra.Model.Resources;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Sqs;

namespace Infra.Platform.Components.Messaging;

/// <summary>An SQS queue encrypted with the stack key, TLS-only, keeping messages the longest SQS allows: where failures wait to be looked at.</summary>
public static class EncryptedQueue
{
    public const int RetentionSeconds = 14 * 24 * 3600;

    public static QueueResult Create(PlatformContext context, ComponentScope scope, string name)
    {
        var queue = scope.Add(name, new QueueArgs
        {
            Name = context.Name(name),
            KmsMasterKeyId = context.RequireKey().KeyArn,
            MessageRetentionSeconds = RetentionSeconds,
        }, context.DataOptions());
        scope.Add($"{name}-policy", new QueuePolicyArgs
        {
            QueueUrl = queue.Attr("url"),
            Policy = new PolicyDocument([PolicyDocument.DenyInsecureTransport("sqs", queue.Attr("arn"))]).ToJson(),
        }, context.DataOptions());
        return new QueueResult(name, context.Name(name), queue.Attr("url"), queue.Attr("arn"));
    }
}
