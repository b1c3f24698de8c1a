using Infra.Platform.Configuration;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Sns;

namespace Infra.Platform.Components.Messaging;

/// <summary>
/// The stack's SNS topic for alarms and pipeline notices: encrypted with the stack key, TLS-only, and
/// published to by CloudWatch alarms of this account only; the alert address of the stack's config is
/// subscribed (SNS asks it to confirm once), so every notice reaches someone. Pulumi stops and names
/// the key when a stack has no address.
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
        }, context.DataOptions());
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
        var alertEmail = context.Program.AddConfig(ConfigKeys.InProgram(ConfigKeys.AlertEmail), new Infra.Model.ConfigDeclaration(Infra.Model.ConfigType.String));
        scope.Add($"{Name}-alert-subscription", new TopicSubscriptionArgs
        {
            Topic = topic.Attr("arn"),
            Protocol = "email",
            Endpoint = alertEmail,
        });
        context.Output(topic.Attr("arn"), "notification", "TopicArn");
        return new TopicResult($"{Name}-topic", topic.Attr("arn"));
    }
}
