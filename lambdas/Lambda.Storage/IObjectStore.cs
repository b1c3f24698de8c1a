namespace Lambda.Storage;

/// <summary>Where objects are written: S3 in AWS, a folder or a local S3-compatible server elsewhere.</summary>
public interface IObjectStore
{
    /// <summary>Writes (or overwrites) one object. Throws on failure; every failure is treated as transient.</summary>
    Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken);

    /// <summary>Reads one object, or null when there is none.</summary>
    Task<byte[]?> GetAsync(string bucket, string key, CancellationToken cancellationToken);
}
