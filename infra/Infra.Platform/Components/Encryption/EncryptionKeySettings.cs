namespace Infra.Platform.Components.Encryption;

/// <summary>The stack key's settings in a stack profile. Rotation is always on; the key is protected where the stack retains data.</summary>
public sealed record EncryptionKeySettings
{
    /// <summary>Days KMS waits before deleting a scheduled key (7-30).</summary>
    public required int DeletionWindowDays { get; init; }

    /// <summary>Whether CloudWatch Logs and alarms may use the key (for the stack's log groups and encrypted topic).</summary>
    public bool ServesLogsAndAlarms { get; init; } = true;
}
