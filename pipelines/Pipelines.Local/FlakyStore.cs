using Lambda.Storage;

namespace Pipelines.Local;

/// <summary>A store whose first write times out, as S3 sometimes does: the step that hit it must be retried, and nothing lost.</summary>
public sealed class FlakyStore(IObjectStore inner) : IObjectStore
{
    private int _failed;

    public int Failures => _failed;

    public Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _failed, 1) == 0
            ? throw new TimeoutException($"injected fault: the store timed out writing {bucket}/{key}")
            : inner.PutAsync(bucket, key, content, contentType, cancellationToken);

    public Task<byte[]?> GetAsync(string bucket, string key, CancellationToken cancellationToken) => inner.GetAsync(bucket, key, cancellationToken);
}
