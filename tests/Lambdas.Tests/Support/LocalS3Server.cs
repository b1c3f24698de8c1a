using Amazon.S3;
using Lambda.Storage;
using Pipelines.LocalServers;

namespace Lambdas.Tests.Support;

/// <summary>The S3-compatible server for a test class, with one bucket.</summary>
public sealed class LocalS3Server : IDisposable
{
    public const string Bucket = "bronze";
    private readonly LocalS3 _server = LocalS3.Start(Repository.PathOf("tests", "servers"), Bucket);

    public IAmazonS3 Client() => ObjectStores.LocalClient(_server.Endpoint);

    public void Dispose() => _server.Dispose();
}
