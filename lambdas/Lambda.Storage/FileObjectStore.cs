namespace Lambda.Storage;

/// <summary>Local mode: buckets are folders under a root, objects are files, each replaced whole.</summary>
public sealed class FileObjectStore(string root) : IObjectStore
{
    public const string RootVariable = "OBJECT_STORE_ROOT";

    public async Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<byte[]?> GetAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var path = PathOf(bucket, key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    private string PathOf(string bucket, string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, bucket, key));
        if (!path.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
        {
            throw new ArgumentException($"object key '{key}' leaves the store's root");
        }
        return path;
    }
}
