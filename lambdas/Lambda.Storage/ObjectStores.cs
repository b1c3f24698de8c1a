using Amazon.S3;

namespace Lambda.Storage;

/// <summary>The store a function's environment asks for: a folder when <see cref="FileObjectStore.RootVariable"/> is set, else S3.</summary>
public static class ObjectStores
{
    public static IObjectStore FromEnvironment(Func<string, string?> environment)
    {
        var localRoot = environment(FileObjectStore.RootVariable);
        return string.IsNullOrEmpty(localRoot) ? new S3ObjectStore(new AmazonS3Client()) : new FileObjectStore(localRoot);
    }
}
