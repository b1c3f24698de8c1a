using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Iam;

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

    public static EncryptionKeyResult Create(ComponentScope scope, EncryptionKeyOptions options)
    {
        if (options.DeletionWindowDays is < MinDeletionWindowDays or > MaxDeletionWindowDays)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"KMS deletion window must be {MinDeletionWindowDays}-{MaxDeletionWindowDays} days, not {options.DeletionWindowDays}");
        }
        var keyOptions = options.Protect ? new ResourceOptions { Protect = true, RetainOnDelete = true } : null;
        var key = scope.Add(KeyName, "aws:kms:Key", new MapValue
        {
            ["description"] = $"Encrypts the data of {options.AliasName}",
            ["enableKeyRotation"] = true,
            ["deletionWindowInDays"] = options.DeletionWindowDays,
            ["policy"] = KeyPolicy(options).ToJson(),
        }, keyOptions);
        var aliasName = "alias/" + options.AliasName;
        scope.Add(AliasLogicalName, "aws:kms:Alias", new MapValue
        {
            ["name"] = aliasName,
            ["targetKeyId"] = key.Attr("keyId"),
        });
        return new EncryptionKeyResult(key.Attr("arn"), key.Attr("keyId"), aliasName);
    }

    /// <summary>In a key policy, resource <c>*</c> means this key.</summary>
    private static PolicyDocument KeyPolicy(EncryptionKeyOptions options) => new(
    [
        new PolicyStatement
        {
            Sid = AccountAdministersKeySid,
            Effect = PolicyEffect.Allow,
            Principal = new MapValue { ["AWS"] = Fn.Interpolate($"arn:aws:iam::{options.AccountId}:root") },
            Actions = ["kms:*"],
            Resources = ["*"],
        },
        new PolicyStatement
        {
            Sid = "CloudWatchLogsEncryptsTheStacksLogGroups",
            Effect = PolicyEffect.Allow,
            Principal = new MapValue { ["Service"] = $"logs.{options.Region}.amazonaws.com" },
            Actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
                "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
            Resources = ["*"],
            Conditions =
            [
                ("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                    Fn.Interpolate($"arn:aws:logs:{options.Region}:{options.AccountId}:log-group:{options.LogGroupNamePrefix}*")),
            ],
        },
    ]);
}

public sealed record EncryptionKeyResult(Reference KeyArn, Reference KeyId, string AliasName);
