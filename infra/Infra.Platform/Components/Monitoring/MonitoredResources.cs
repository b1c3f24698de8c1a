using Infra.Platform.Components.Database;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Orchestration;

namespace Infra.Platform.Components.Monitoring;

/// <summary>What the stack's alarms and dashboard watch, as its components created it.</summary>
public sealed record MonitoredResources
{
    public IReadOnlyList<FunctionResult> Functions { get; init; } = [];

    /// <summary>Functions fed by a stream (their iterator age is watched).</summary>
    public IReadOnlyList<FunctionResult> StreamConsumers { get; init; } = [];

    /// <summary>Queues that hold failures: anything in them needs a person.</summary>
    public IReadOnlyList<QueueResult> FailureQueues { get; init; } = [];

    public DatabaseResult? Database { get; init; }

    public IReadOnlyList<StateMachineResult> StateMachines { get; init; } = [];

    /// <summary>The silver function and the datasets it keeps fresh.</summary>
    public FunctionResult? SilverFunction { get; init; }

    public IReadOnlyList<string> SilverDatasets { get; init; } = [];
}
