namespace RestIngestion;

/// <summary>
/// Exponential backoff with full jitter (a random wait up to base × 2^attempt, capped), never shorter
/// than the server's <c>Retry-After</c>. <see cref="Random"/> is a parameter so tests can pin it.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, Func<double> Random)
{
    public static RetryPolicy Default => new(8, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20), System.Random.Shared.NextDouble);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempts count from 1).</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        var jittered = TimeSpan.FromMilliseconds(Random() * ceiling);
        return retryAfter is { } server && server > jittered ? server : jittered;
    }
}
