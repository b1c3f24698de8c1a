namespace Lambda.Hosting.Context;

/// <summary>What the Runtime API says about one invocation.</summary>
public sealed record InvocationContext(
    string RequestId,
    DateTimeOffset Deadline,
    string FunctionArn,
    string? TraceId,
    string? ClientContext)
{
    public TimeSpan RemainingTime(DateTimeOffset now) => Deadline - now;
}
