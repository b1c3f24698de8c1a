namespace StreamConsumer;

/// <summary>Local mode: buckets are folders under a root, objects are files.</summary>
public sealed class FileObjectStore(string root) : IObjectStore
{
    public const string RootVariable = "OBJECT_STORE_ROOT";

    public async Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(root, bucket, key));
        if (!path.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
        {
            throw new ArgumentException($"object key '{key}' leaves the store's root");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
