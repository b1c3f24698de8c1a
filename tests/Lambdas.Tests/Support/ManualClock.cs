namespace Lambdas.Tests.Support;

/// <summary>A clock that moves only when told, so deadlines arrive after a known amount of work.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>An object store whose every write takes a second of a <see cref="ManualClock"/>.</summary>
public sealed class ClockedStore(MemoryObjectStore inner, ManualClock clock) : Lambda.Storage.IObjectStore
{
    public Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        clock.Advance(TimeSpan.FromSeconds(1));
        return inner.PutAsync(bucket, key, content, contentType, cancellationToken);
    }

    public Task<byte[]?> GetAsync(string bucket, string key, CancellationToken cancellationToken) => inner.GetAsync(bucket, key, cancellationToken);
}
