using Infra.Model;
using Infra.Model.Values;
using Infra.Platform.Components.Logging;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Kms;

namespace Infra.Platform.Components.Encryption;

/// <summary>
/// A symmetric KMS key with yearly rotation and an alias. Its key policy leaves the account's
/// IAM policies in charge (AWS's default) and lets CloudWatch Logs encrypt the stack's log groups.
/// </summary>
public static class EncryptionKey
{
    public const string KeyName = "data-key";
    public const string AliasLogicalName = "data-key-alias";
    public const int MinDeletionWindowDays = 7;
    public const int MaxDeletionWindowDays = 30;
    public const string AccountAdministersKeySid = "AccountAdministersTheKeyThroughIam";

    /// <summary>Creates the key and returns the context that carries it.</summary>
    public static PlatformContext Create(PlatformContext context, EncryptionKeySettings settings)
    {
        if (settings.DeletionWindowDays is < MinDeletionWindowDays or > MaxDeletionWindowDays)
        {
            throw new SynthesisException(
                $"KMS deletion window must be {MinDeletionWindowDays}-{MaxDeletionWindowDays} days, not {settings.DeletionWindowDays}");
        }
        var scope = context.Scope(nameof(EncryptionKey));
        var aliasName = AliasOf(context.NamePrefix);
        var key = scope.Add(KeyName, new KeyArgs
        {
            Description = $"Encrypts the data of {aliasName}",
            EnableKeyRotation = true,
            DeletionWindowInDays = settings.DeletionWindowDays,
            Policy = KeyPolicy(context, settings.ServesLogsAndAlarms).ToJson(),
        }, context.DataOptions());
        scope.Add(AliasLogicalName, new AliasArgs
        {
            Name = aliasName,
            TargetKeyId = key.Attr("keyId"),
        }, context.DataOptions());
        context.Output(key.Attr("arn"), "kms", "KeyArn");
        return context with { Key = new EncryptionKeyResult(key.Attr("arn"), key.Attr("keyId"), aliasName, context.Partition, context.Region) };
    }

    /// <summary>The alias of the data key of the stack whose names start with <paramref name="namePrefix"/>.</summary>
    public static string AliasOf(string namePrefix) => $"alias/{namePrefix}-data";

    /// <summary>In a key policy, resource <c>*</c> means this key.</summary>
    private static PolicyDocument KeyPolicy(PlatformContext context, bool servesLogsAndAlarms) => new(
    [
        new PolicyStatement
        {
            Sid = AccountAdministersKeySid,
            Effect = PolicyEffect.Allow,
            Principal = new MapValue { ["AWS"] = context.GlobalArn("iam", "root") },
            Actions = ["kms:*"],
            Resources = ["*"],
        },
        .. servesLogsAndAlarms ? ServiceStatements(context) : [],
    ]);

    private static PolicyStatement[] ServiceStatements(PlatformContext context) =>
    [
        new PolicyStatement
        {
            Sid = "CloudWatchLogsEncryptsTheStacksLogGroups",
            Effect = PolicyEffect.Allow,
            Principal = new MapValue { ["Service"] = context.Partition.ServicePrincipal($"logs.{context.Region}") },
            Actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
                "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
            Resources = ["*"],
            Conditions =
            [
                ("ArnLike", "kms:EncryptionContext:aws:logs:arn", new ListValue
                {
                    context.Arn("logs", $"log-group:{LambdaLogGroup.NamePrefix}{context.NamePrefix}-*"),
                    context.Arn("logs", $"log-group:{Orchestration.PipelineOrchestration.LogGroupPrefix}{context.NamePrefix}-*"),
                    context.Arn("logs", $"log-group:{Catalog.RawZoneCrawler.LogGroupPrefix}{context.NamePrefix}-*"),
                    context.Arn("logs", $"log-group:{Streaming.FirehoseDelivery.LogGroupPrefix}{context.NamePrefix}-*"),
                }),
            ],
        },
        new PolicyStatement
        {
            Sid = "CloudWatchAlarmsOfThisAccountPublishToTheEncryptedTopic",
            Effect = PolicyEffect.Allow,
            Principal = new MapValue { ["Service"] = context.Partition.ServicePrincipal("cloudwatch") },
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = ["*"],
            Conditions = [("StringEquals", "aws:SourceAccount", context.AccountId)],
        },
    ];
}
