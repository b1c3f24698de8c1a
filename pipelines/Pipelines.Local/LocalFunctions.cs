using Lambda.Storage;
using Pipelines.Contracts.Functions;

namespace Pipelines.Local;

/// <summary>
/// The environment each function gets locally, under the names of its contract: buckets are folders of
/// one local store, secrets are files. The values differ from AWS; the names and the code reading them do not.
/// </summary>
public sealed class LocalFunctions(string folder)
{
    public const string BronzeBucket = "bronze";
    public const string SilverBucket = "silver";

    public string StoreRoot => Path.Combine(folder, "store");

    public IObjectStore Store => new FileObjectStore(StoreRoot);

    public Func<string, string?> Silver => Environment(new()
    {
        [FileObjectStore.RootVariable] = StoreRoot,
        [SilverTransformContract.BronzeBucketVariable] = BronzeBucket,
        [SilverTransformContract.SilverBucketVariable] = SilverBucket,
        [SilverTransformContract.WorkFolderVariable] = Path.Combine(folder, "work", "silver"),
    });

    public Func<string, string?> DbExtract(string engine, int port, string database, string user, string password, IEnumerable<string> tables) => Environment(new()
    {
        [FileObjectStore.RootVariable] = StoreRoot,
        [DbExtractContract.BucketVariable] = BronzeBucket,
        [DbExtractContract.EngineVariable] = engine,
        [DbExtractContract.HostVariable] = "127.0.0.1",
        [DbExtractContract.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [DbExtractContract.DatabaseVariable] = database,
        [DbExtractContract.UserVariable] = user,
        [DbExtractContract.PasswordFileVariable] = Secret("database-password", password),
        [DbExtractContract.TablesVariable] = string.Join(',', tables),
        [DbExtractContract.TlsVariable] = "disable",
    });

    public Func<string, string?> RestIngestion(Uri baseUrl, Uri tokenUrl, string clientId, string clientSecret, IEnumerable<string> resources) => Environment(new()
    {
        [FileObjectStore.RootVariable] = StoreRoot,
        [RestIngestionContract.BucketVariable] = BronzeBucket,
        [RestIngestionContract.BaseUrlVariable] = baseUrl.AbsoluteUri,
        [RestIngestionContract.TokenUrlVariable] = tokenUrl.AbsoluteUri,
        [RestIngestionContract.CredentialsFileVariable] = Secret("api-credentials.json",
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = clientSecret })),
        [RestIngestionContract.ResourcesVariable] = string.Join(',', resources),
    });

    private string Secret(string name, string value)
    {
        var secrets = Directory.CreateDirectory(Path.Combine(folder, "secrets")).FullName;
        var path = Path.Combine(secrets, name);
        File.WriteAllText(path, value);
        return path;
    }

    private static Func<string, string?> Environment(Dictionary<string, string> values) => name => values.GetValueOrDefault(name);
}
