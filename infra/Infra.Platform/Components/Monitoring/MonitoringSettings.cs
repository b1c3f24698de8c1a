namespace Infra.Platform.Components.Monitoring;

/// <summary>Alarm thresholds; each may be set per stack in config (stacks/README.md lists the keys and these defaults).</summary>
public sealed record MonitoringSettings
{
    /// <summary>A stream consumer this far behind the stream's tip is alarming (Lambda IteratorAge, maximum over 5 minutes).</summary>
    public int IteratorAgeSeconds { get; init; } = 600;

    /// <summary>A silver dataset with no successful run for this long is stale.</summary>
    public int FreshnessHours { get; init; } = 26;

    /// <summary>Source database CPU, average over 15 minutes.</summary>
    public int DatabaseCpuPercent { get; init; } = 80;

    /// <summary>Source database free storage below this is alarming.</summary>
    public int DatabaseFreeStorageGib { get; init; } = 2;
}
