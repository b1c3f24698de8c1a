using Amazon.S3;
using Amazon.S3.Model;

namespace StreamConsumer;

/// <summary>The object store over AWSSDK.S3. Single-part puts only: batch objects are small.</summary>
public sealed class S3ObjectStore(IAmazonS3 s3) : IObjectStore
{
    public async Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content, writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = body,
            ContentType = contentType,
            UseChunkEncoding = false,
            AutoCloseStream = false,
        }, cancellationToken).ConfigureAwait(false);
    }
}
