using Lambda.Storage;
using Pipelines.Declarations.Functions;

namespace Pipelines.Local;

/// <summary>
/// The environment each function gets locally, under the names of its contract: buckets are folders of one
/// local store, or buckets of an S3-compatible server on this machine; secrets are files. The values differ
/// from AWS; the names and the code reading them do not.
/// </summary>
public sealed class LocalFunctions(string folder, Uri? s3Endpoint = null)
{
    public const string BronzeBucket = "bronze";
    public const string SilverBucket = "silver";
    public static readonly IReadOnlyList<string> Buckets = [BronzeBucket, SilverBucket];

    public string StoreRoot => Path.Combine(folder, "store");

    /// <summary>Where DuckDB reads silver: the store's folder, or a copy of the server's objects.</summary>
    public string SilverRoot => s3Endpoint is null ? Path.Combine(StoreRoot, SilverBucket) : Path.Combine(folder, "mirror", SilverBucket);

    private Dictionary<string, string> StoreVariables => s3Endpoint is null
        ? new() { [FileObjectStore.RootVariable] = StoreRoot }
        : new() { [ObjectStores.S3EndpointVariable] = s3Endpoint.AbsoluteUri };

    private IObjectStore? _store;

    /// <summary>One store (and, with a server, one S3 client) for the whole run.</summary>
    public IObjectStore Store => _store ??= ObjectStores.FromEnvironment(Environment(StoreVariables));

    /// <summary>A dataset's silver objects as files DuckDB can read; with a server, copied down first (as Athena reads S3).</summary>
    public async Task<string> SilverFolderAsync(string dataset, CancellationToken cancellationToken)
    {
        var target = Path.Combine(SilverRoot, dataset);
        if (s3Endpoint is null)
        {
            return target;
        }
        using var s3 = ObjectStores.LocalClient(s3Endpoint);
        var listing = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = SilverBucket, Prefix = dataset + "/" }, cancellationToken).ConfigureAwait(false);
        foreach (var item in listing.S3Objects ?? [])
        {
            var content = await Store.GetAsync(SilverBucket, item.Key, cancellationToken).ConfigureAwait(false);
            var file = Path.Combine(SilverRoot, item.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, content!, cancellationToken).ConfigureAwait(false);
        }
        return target;
    }

    public IReadOnlyDictionary<string, string> SilverVariables => new Dictionary<string, string>(StoreVariables)
    {
        [SilverTransformContract.BronzeBucketVariable] = BronzeBucket,
        [SilverTransformContract.SilverBucketVariable] = SilverBucket,
        [SilverTransformContract.WorkFolderVariable] = Path.Combine(folder, "work", "silver"),
    };

    public Func<string, string?> Silver => Environment(new(SilverVariables));

    public Dictionary<string, string> DbExtractVariables(string engine, int port, string database, string user, string password, IEnumerable<string> tables) => new(StoreVariables)
    {
        [DbExtractContract.BucketVariable] = BronzeBucket,
        [DbExtractContract.EngineVariable] = engine,
        [DbExtractContract.HostVariable] = "127.0.0.1",
        [DbExtractContract.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [DbExtractContract.DatabaseVariable] = database,
        [DbExtractContract.UserVariable] = user,
        [DbExtractContract.PasswordFileVariable] = Secret("database-password", password),
        [DbExtractContract.TablesVariable] = string.Join(',', tables),
        [DbExtractContract.TlsVariable] = "disable",
    };

    public Dictionary<string, string> RestIngestionVariables(Uri baseUrl, Uri tokenUrl, string clientId, string clientSecret, IEnumerable<string> resources) => new(StoreVariables)
    {
        [RestIngestionContract.BucketVariable] = BronzeBucket,
        [RestIngestionContract.BaseUrlVariable] = baseUrl.AbsoluteUri,
        [RestIngestionContract.TokenUrlVariable] = tokenUrl.AbsoluteUri,
        [RestIngestionContract.CredentialsFileVariable] = Secret("api-credentials.json",
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = clientSecret })),
        [RestIngestionContract.ResourcesVariable] = string.Join(',', resources),
    };

    private string Secret(string name, string value)
    {
        var secrets = Directory.CreateDirectory(Path.Combine(folder, "secrets")).FullName;
        var path = Path.Combine(secrets, name);
        File.WriteAllText(path, value);
        return path;
    }

    private static Func<string, string?> Environment(Dictionary<string, string> values) => name => values.GetValueOrDefault(name);
}
