namespace Pipelines.SourceApi;

/// <summary>What can go wrong with one data request, as real APIs go wrong.</summary>
public enum FaultKind
{
    /// <summary>429 Too Many Requests with a <c>Retry-After</c> header.</summary>
    RateLimited,
    /// <summary>500 Internal Server Error.</summary>
    ServerError,
    /// <summary>The answer comes after a delay, longer than a patient client waits.</summary>
    Slow,
    /// <summary>200 OK whose JSON body stops half way.</summary>
    TruncatedJson,
    /// <summary>Every token issued so far expires; the request gets 401.</summary>
    ExpiredToken,
}

/// <summary>One injected fault; <see cref="Duration"/> is the Retry-After of a rate limit or the delay of a slow answer.</summary>
public sealed record Fault(FaultKind Kind, TimeSpan Duration = default)
{
    public static Fault RateLimited(int retryAfterSeconds = 1) => new(FaultKind.RateLimited, TimeSpan.FromSeconds(retryAfterSeconds));
    public static readonly Fault ServerError = new(FaultKind.ServerError);
    public static Fault Slow(TimeSpan delay) => new(FaultKind.Slow, delay);
    public static readonly Fault TruncatedJson = new(FaultKind.TruncatedJson);
    public static readonly Fault ExpiredToken = new(FaultKind.ExpiredToken);
}
