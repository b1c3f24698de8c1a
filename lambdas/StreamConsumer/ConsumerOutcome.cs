using Lambda.Events;

namespace StreamConsumer;

/// <summary>What one batch came to. Always: <c>Received = Written + Quarantined + Failed</c>.</summary>
public sealed record ConsumerOutcome(StreamsEventResponse Response, int Received, int Written, int Quarantined, int Failed, string? FailureReason)
{
    public bool Reconciles => Received == Written + Quarantined + Failed;
}
