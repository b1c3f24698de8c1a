using Lambda.Storage;

namespace Lambdas.Tests.Support;

/// <summary>Writes through to memory until its put budget is spent, then fails as S3 would or as the deadline would.</summary>
public sealed class ScriptedStore(MemoryObjectStore memory, int failAfterPuts, CancellationTokenSource? deadline) : IObjectStore
{
    public Task<byte[]?> GetAsync(string bucket, string key, CancellationToken cancellationToken) => memory.GetAsync(bucket, key, cancellationToken);

    private int _puts;

    public Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        if (failAfterPuts >= 0 && _puts++ >= failAfterPuts)
        {
            if (deadline is not null)
            {
                deadline.Cancel();
                throw new OperationCanceledException(deadline.Token);
            }
            throw new HttpRequestException("503 Slow Down");
        }
        return memory.PutAsync(bucket, key, content, contentType, cancellationToken);
    }
}
