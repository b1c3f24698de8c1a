using Lambda.Storage;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Lambdas.Tests.Support;
using StreamConsumer;

namespace Lambdas.Tests.StreamConsumer;

/// <summary>The consumer against a real S3-compatible server on 127.0.0.1.</summary>
public sealed class S3ObjectStoreIntegrationTests : IClassFixture<LocalS3Server>, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly StreamConsumerHandler _handler;
    private readonly string _prefix = $"run-{Guid.NewGuid():N}";

    public S3ObjectStoreIntegrationTests(LocalS3Server server)
    {
        _s3 = server.Client();
        _handler = new StreamConsumerHandler(new S3ObjectStore(_s3), new StreamConsumerOptions { Bucket = LocalS3Server.Bucket, OutputPrefix = _prefix });
    }

    [Fact]
    public async Task Handle_WritesGzipNdjsonThatReadsBack_AndARetryOverwrites()
    {
        var batch = KinesisBatch.Of(KinesisBatch.Session("s1", "USA", ("p", 4, true)), KinesisBatch.Session("s2", "Spain"), "not json");

        var first = await _handler.HandleAsync(batch, CancellationToken.None);
        var second = await _handler.HandleAsync(batch, CancellationToken.None);

        Assert.Equal((3, 2, 1, 0), (first.Received, first.Written, first.Quarantined, first.Failed));
        Assert.Equal(first, second);
        var objects = (await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = LocalS3Server.Bucket, Prefix = _prefix + "/" })).S3Objects;
        Assert.Equal(2, objects.Count);
        var usa = objects.Single(o => o.Key.Contains("region=usa", StringComparison.Ordinal));
        using var response = await _s3.GetObjectAsync(LocalS3Server.Bucket, usa.Key);
        using var body = new MemoryStream();
        await response.ResponseStream.CopyToAsync(body);
        var line = JsonDocument.Parse(MemoryObjectStore.Gunzip(body.ToArray()).Single()).RootElement;
        Assert.Equal("s1", line.GetProperty("session_id").GetString());
        Assert.Equal(4, line.GetProperty("overall_product_quantity").GetInt64());
    }

    public void Dispose() => _s3.Dispose();
}
