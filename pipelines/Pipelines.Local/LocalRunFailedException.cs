namespace Pipelines.Local;

/// <summary>Where a local run stopped: the course and step, the dataset if one was at fault, and why.</summary>
public sealed record RunFailure(string Course, string Step, string? Dataset, string Reason);

/// <summary>A local run stopped at a step; <see cref="Report"/> holds what it did before (steps, reconciliation so far) and the failure.</summary>
public sealed class LocalRunFailedException(RunReport report, Exception cause)
    : Exception($"{report.Failure!.Course} stopped at {report.Failure.Step}{(report.Failure.Dataset is { } dataset ? $" ({dataset})" : "")}: {report.Failure.Reason}", cause)
{
    public RunReport Report { get; } = report;
}
