namespace Infra.Platform.Components.Orchestration;

/// <summary>The course pipelines' state machines.</summary>
public sealed record OrchestrationSettings
{
    /// <summary>When each course's pipeline runs (EventBridge Scheduler expression, UTC).</summary>
    public string Schedule { get; init; } = "cron(0 3 * * ? *)";
}
