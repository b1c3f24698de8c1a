using Infra.Model.Values;

namespace Infra.Platform.Components.Encryption;

/// <summary>Inputs of the stack's customer-managed KMS key. Rotation is always on.</summary>
public sealed record EncryptionKeyOptions
{
    /// <summary>Alias without the <c>alias/</c> prefix, e.g. <c>dataplatform-dev-data</c>.</summary>
    public required string AliasName { get; init; }

    /// <summary>Days KMS waits before deleting a scheduled key (7-30).</summary>
    public required int DeletionWindowDays { get; init; }

    public required bool Protect { get; init; }

    /// <summary>The account that owns the key; its IAM policies decide who else may use it.</summary>
    public required Reference AccountId { get; init; }

    public required string Region { get; init; }

    /// <summary>CloudWatch Logs may use the key for log groups whose names start with this, e.g. <c>/aws/lambda/dataplatform-dev-</c>.</summary>
    public required string LogGroupNamePrefix { get; init; }
}
