using Infra.Model.Resources;
using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules.Services;

/// <summary>
/// Documented conditions between resources that a run needs: a service assumes only a role that trusts it,
/// uses a key only where the key policy lets it, and a notice reaches someone only through a subscription.
/// </summary>
public static class ServiceWiringRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        Trust("SCH-3-role-trust", "aws:scheduler:Schedule", "target.roleArn", "scheduler.amazonaws.com", "EventBridge Scheduler User Guide: Set up the execution role"),
        Trust("FH-3-role-trust", "aws:kinesis:FirehoseDeliveryStream", "extendedS3Configuration.roleArn", "firehose.amazonaws.com", "Amazon Data Firehose Developer Guide: Controlling access with Amazon Data Firehose"),
        Trust("LF-2-registration-role-trust", "aws:lakeformation:Resource", "roleArn", "lakeformation.amazonaws.com", "Lake Formation Developer Guide: Requirements for roles used to register locations"),
        Trust("GLUE-5-crawler-role-trust", "aws:glue:Crawler", "role", "glue.amazonaws.com", "AWS Glue Developer Guide: Create an IAM role for AWS Glue"),
        Trust("SFN-2-role-trust", "aws:sfn:StateMachine", "roleArn", "states.amazonaws.com", "Step Functions Developer Guide: Creating an IAM role for your state machine"),
        new ResourceRule("KMS-3-logs-may-use-the-key", "a key that encrypts log groups lets CloudWatch Logs of the region use it",
            "add a key policy statement for logs.<region>.amazonaws.com with kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey* and kms:Describe*", ["aws:kms:Key"],
            (p, key) => !p.OfType("aws:cloudwatch:LogGroup").Any(group => Input(group, "kmsKeyId") is Reference r && r.Root == key.Name)
                || KeyPolicyLets(key, "logs.", "kms:GenerateDataKey") ? null : "log groups are encrypted with it, but its policy does not let CloudWatch Logs use it",
            "CloudWatch Logs User Guide: Encrypt log data in CloudWatch Logs using AWS KMS"),
        new ResourceRule("KMS-4-no-lockout", "a key policy lets the account manage the key", "allow the account root kms:* (or kms:PutKeyPolicy) in the key policy", ["aws:kms:Key"],
            (_, key) => Statements(key, "policy").Any(s => Effect(s) == "Allow" && Principals(s, "AWS").Any(p => p.EndsWith(":root", StringComparison.Ordinal))
                && Strings(s, "Action").Any(a => a is "kms:*" or "kms:PutKeyPolicy")) || Input(key, "policy") is null
                ? null : "KMS refuses a policy that would lock the account out of the key (the lockout safety check)",
            "AWS KMS Developer Guide: Default key policy (allows access to the AWS account and enables IAM policies)"),
        new ResourceRule("SNS-2-cloudwatch-may-use-the-topic-key", "an encrypted topic that alarms notify lets CloudWatch use its key",
            "add a key policy statement for cloudwatch.amazonaws.com with kms:Decrypt and kms:GenerateDataKey*", ["aws:sns:Topic"],
            (p, topic) => !p.OfType("aws:cloudwatch:MetricAlarm").Any(alarm => Mentions(Input(alarm, "alarmActions"), topic.Name))
                || Input(topic, "kmsMasterKeyId") is not Reference keyRef
                || p.Resources.FirstOrDefault(r => r.Name == keyRef.Root) is not { } key
                || KeyPolicyLets(key, "cloudwatch.amazonaws.com", "kms:GenerateDataKey") ? null : "alarms publish to it, but its key does not let CloudWatch encrypt the message",
            "Amazon SNS Developer Guide: Configure AWS KMS permissions (CloudWatch alarms and encrypted topics)"),
        new ResourceRule("SNS-3-subscribed", "every topic the stack publishes notices to has a subscriber", "subscribe the alert endpoint of the stack's config to it", ["aws:sns:Topic"],
            (p, topic) => !Published(p, topic.Name) || p.OfType("aws:sns:TopicSubscription").Any(s => Input(s, "topic") is Reference r && r.Root == topic.Name)
                ? null : "alarms and notices are published to it, and reach nobody",
            "Amazon SNS Developer Guide: Subscribing to an Amazon SNS topic"),
    ];

    private static ResourceRule Trust(string id, string type, string roleInput, string service, string source) =>
        new(id, $"the role a {type.Split(':')[^1]} acts as trusts {service}", $"let {service} assume the role in its trust policy", [type],
            (p, resource) => Input(resource, roleInput) is not Reference role || p.Resources.FirstOrDefault(r => r.Name == role.Root && r.Type == "aws:iam:Role") is not { } found
                || Statements(found, "assumeRolePolicy").Any(s => Effect(s) == "Allow" && Principals(s, "Service").Contains(service)
                    && Strings(s, "Action").Contains("sts:AssumeRole"))
                ? null : $"{service} cannot assume {role.Root}",
            source);

    private static string? Effect(MapValue statement) => statement.TryGet("Effect", out var effect) && effect is Text text ? text.Content : null;

    private static IReadOnlyList<string> Principals(MapValue statement, string kind) =>
        statement.TryGet("Principal", out var principal) && principal is MapValue map ? Strings(map, kind) : [];

    /// <summary>Whether the key's policy allows a service (by principal prefix) an action (or one of its wildcards).</summary>
    private static bool KeyPolicyLets(Resource key, string servicePrefix, string action) =>
        Statements(key, "policy").Any(s => Effect(s) == "Allow" && Principals(s, "Service").Any(p => p.StartsWith(servicePrefix, StringComparison.Ordinal))
            && Strings(s, "Action").Any(a => a == action || a == "kms:*" || (a.EndsWith('*') && action.StartsWith(a[..^1], StringComparison.Ordinal))));

    /// <summary>Whether an alarm notifies the topic or a state machine publishes to it.</summary>
    private static bool Published(ProgramView program, string topic) =>
        program.OfType("aws:cloudwatch:MetricAlarm").Any(alarm => Mentions(Input(alarm, "alarmActions"), topic))
        || program.OfType("aws:sfn:StateMachine").Any(machine => Mentions(Input(machine, "definition"), topic));

    private static bool Mentions(Value? value, string resource) => value switch
    {
        Reference reference => reference.Root == resource,
        Interpolation interpolation => interpolation.Parts.Any(part => Mentions(part, resource)),
        MapValue map => map.Entries.Any(entry => Mentions(entry.Value, resource)),
        ListValue list => list.Items.Any(item => Mentions(item, resource)),
        BuiltIn builtIn => Mentions(builtIn.Argument, resource),
        _ => false,
    };
}
