namespace Infra.Platform.Components.Database;

/// <summary>The relational source a course extracts from, sized per stack.</summary>
public sealed record SourceDatabaseSettings
{
    public required DatabaseEngine Engine { get; init; }
    public string InstanceClass { get; init; } = "db.t4g.micro";
    public int AllocatedStorageGb { get; init; } = 20;
    public int MaxAllocatedStorageGb { get; init; } = 100;
    public int BackupRetentionDays { get; init; } = 7;

    /// <summary>A standby in a second zone: prod only, it doubles the price.</summary>
    public bool MultiAz { get; init; }
}
