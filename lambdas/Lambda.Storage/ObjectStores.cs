using Amazon.Runtime;
using Amazon.S3;

namespace Lambda.Storage;

/// <summary>
/// The store a function's environment asks for: a folder when <see cref="FileObjectStore.RootVariable"/> is set,
/// an S3-compatible server when <see cref="S3EndpointVariable"/> is (local mode), else S3.
/// </summary>
public static class ObjectStores
{
    /// <summary>Local mode only: the URL of an S3-compatible server on this machine.</summary>
    public const string S3EndpointVariable = "S3_ENDPOINT";

    public static IObjectStore FromEnvironment(Func<string, string?> environment)
    {
        if (environment(FileObjectStore.RootVariable) is { Length: > 0 } localRoot)
        {
            return new FileObjectStore(localRoot);
        }
        return environment(S3EndpointVariable) is { Length: > 0 } endpoint
            ? new S3ObjectStore(LocalClient(new Uri(endpoint)))
            : new S3ObjectStore(new AmazonS3Client());
    }

    /// <summary>A client for an S3-compatible server on this machine: path-style, fixed local credentials, checksums only when required.</summary>
    public static IAmazonS3 LocalClient(Uri endpoint) => new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
    {
        ServiceURL = endpoint.AbsoluteUri,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        // s3rver predates the flexible-checksum trailers newer SDKs send by default.
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });
}
