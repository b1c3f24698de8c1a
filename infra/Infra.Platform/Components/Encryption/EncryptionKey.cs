using Infra.Model.Resources;
using Infra.Model.Values;

namespace Infra.Platform.Components.Encryption;

/// <summary>A symmetric KMS key with yearly rotation and an alias.</summary>
public static class EncryptionKey
{
    public const string KeyName = "data-key";
    public const string AliasLogicalName = "data-key-alias";
    public const int MinDeletionWindowDays = 7;
    public const int MaxDeletionWindowDays = 30;

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
        }, keyOptions);
        var aliasName = "alias/" + options.AliasName;
        scope.Add(AliasLogicalName, "aws:kms:Alias", new MapValue
        {
            ["name"] = aliasName,
            ["targetKeyId"] = key.Attr("keyId"),
        });
        return new EncryptionKeyResult(key.Attr("arn"), key.Attr("keyId"), aliasName);
    }
}

public sealed record EncryptionKeyResult(Reference KeyArn, Reference KeyId, string AliasName);
