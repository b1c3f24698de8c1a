using Infra.Platform.Iam;
using Infra.Providers.Aws.Sns;

namespace Infra.Platform.Components.Messaging;

/// <summary>
/// The stack's SNS topic for alarms and pipeline notices: encrypted with the stack key, TLS-only, and
/// published to by CloudWatch alarms of this account only. Subscriptions are added by operators.
/// </summary>
public static class NotificationTopic
{
    public const string Name = "notifications";

    public static TopicResult Create(PlatformContext context)
    {
        var scope = context.Scope(nameof(NotificationTopic));
        var topic = scope.Add($"{Name}-topic", new TopicArgs
        {
            Name = context.Name(Name),
            DisplayName = $"{context.NamePrefix} alarms and pipeline notices",
            KmsMasterKeyId = context.RequireKey().KeyArn,
        });
        scope.Add($"{Name}-topic-policy", new TopicPolicyArgs
        {
            Arn = topic.Attr("arn"),
            Policy = new PolicyDocument(
            [
                PolicyDocument.DenyInsecureTransport("sns", topic.Attr("arn")),
                new PolicyStatement
                {
                    Sid = "CloudWatchAlarmsOfThisAccountPublish",
                    Effect = PolicyEffect.Allow,
                    Principal = new Infra.Model.Values.MapValue { ["Service"] = context.Partition.ServicePrincipal("cloudwatch") },
                    Actions = ["sns:Publish"],
                    Resources = [topic.Attr("arn")],
                    Conditions = [("StringEquals", "aws:SourceAccount", context.AccountId)],
                },
            ]).ToJson(),
        });
        context.Output(topic.Attr("arn"), "notification", "TopicArn");
        return new TopicResult($"{Name}-topic", topic.Attr("arn"));
    }
}
