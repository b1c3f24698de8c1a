using Pipelines.Declarations.Sources;
using System.Globalization;
using System.Text.Json;
using DbExtract;
using Lambdas.Tests.DbExtract;
using Lambdas.Tests.Support;
using Pipelines.Declarations.Functions;
using Pipelines.Generator;
using Pipelines.SourceApi;
using RuntimeEmulator;

namespace Lambdas.Tests.EndToEnd;

/// <summary>The published Native AOT bootstraps of the two ingestion functions, through the Runtime API emulator, against real servers.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class IngestionBootstrapTests(SourceDatabases sources) : IClassFixture<SourceDatabases>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private LambdaRuntimeEmulator _emulator = null!;
    private readonly string _work = Directory.CreateTempSubdirectory("ingestion-e2e-").FullName;

    public async Task InitializeAsync() => _emulator = await LambdaRuntimeEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private string Secret(string name, string value)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, value);
        return path;
    }

    private List<string> Lines(string prefix) =>
        [.. Directory.GetFiles(Path.Combine(_work, "store", "bronze", prefix), "*.ndjson.gz", SearchOption.AllDirectories).Order()
            .SelectMany(file => MemoryObjectStore.Gunzip(File.ReadAllBytes(file)))];

    [Fact]
    public async Task Rest_ingestion_bootstrap_pages_the_api_through_a_fault_into_bronze()
    {
        var data = new CourseData(new GeneratorSettings(Scale: 0.2));
        await using var api = await SourceApiServer.StartAsync(new SourceApiOptions(data));
        api.Faults.Enqueue(Fault.ServerError, Fault.ExpiredToken);
        using var process = new BootstrapProcess(LambdaPackage.ExtractBootstrap(RestIngestionContract.Function.Artifact), _emulator.Endpoint, new Dictionary<string, string>
        {
            ["OBJECT_STORE_ROOT"] = Path.Combine(_work, "store"),
            [RestIngestionContract.BucketVariable] = "bronze",
            [RestIngestionContract.BaseUrlVariable] = api.BaseAddress.AbsoluteUri,
            [RestIngestionContract.TokenUrlVariable] = api.TokenUri.AbsoluteUri,
            [RestIngestionContract.CredentialsFileVariable] = Secret("api.json", $$"""{"client_id":"{{api.ClientId}}","client_secret":"{{api.ClientSecret}}"}"""),
            [RestIngestionContract.ResourcesVariable] = string.Join(',', SourceDatasets.Api.Select(resource => resource.Setting)),
            [RestIngestionContract.PageSizeVariable] = "25",
            [RestIngestionContract.RequestTimeoutVariable] = "5",
        });

        var result = await _emulator.InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(60)).WaitAsync(Wait);

        Assert.True(result.Succeeded, result.Body + process.Output);
        Assert.True(JsonDocument.Parse(result.Body).RootElement.GetProperty("complete").GetBoolean(), result.Body);
        foreach (var resource in SourceDatasets.Api)
        {
            Assert.Equal(api.ItemsOf(resource.Name).Select(item => System.Text.Encoding.UTF8.GetString(item)), Lines(Path.Combine("api", resource.Name)));
        }
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("postgresql")]
    public async Task Db_extract_bootstrap_extracts_every_table_into_bronze(string engine)
    {
        var database = sources.NewDatabaseName(engine);
        var (port, password) = engine == "mysql" ? (sources.MariaDb!.Port, sources.MariaDb.Password) : (sources.Postgres!.Port, sources.Postgres.Password);
        using var process = new BootstrapProcess(LambdaPackage.ExtractBootstrap(DbExtractContract.Function.Artifact), _emulator.Endpoint, new Dictionary<string, string>
        {
            ["OBJECT_STORE_ROOT"] = Path.Combine(_work, "store"),
            [DbExtractContract.BucketVariable] = "bronze",
            [DbExtractContract.EngineVariable] = engine,
            [DbExtractContract.HostVariable] = "127.0.0.1",
            [DbExtractContract.PortVariable] = port.ToString(CultureInfo.InvariantCulture),
            [DbExtractContract.DatabaseVariable] = database,
            [DbExtractContract.UserVariable] = engine == "mysql" ? "root" : "postgres",
            [DbExtractContract.PasswordFileVariable] = Secret($"{engine}.password", password),
            [DbExtractContract.TablesVariable] = string.Join(',', SourceDatasets.Extracts.Select(table => table.Setting)),
            [DbExtractContract.TlsVariable] = "disable",
            [DbExtractContract.ChunkRowsVariable] = "200",
            [DbExtractContract.OutputPrefixVariable] = $"db-{engine}",
        });

        var result = await _emulator.InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(60)).WaitAsync(Wait);

        Assert.True(result.Succeeded, result.Body + process.Output);
        var response = JsonSerializer.Deserialize(result.Body, DbExtractJson.Default.DbExtractResponse)!;
        Assert.True(response.Complete);
        foreach (var table in sources.Data.Relational)
        {
            Assert.Equal(table.RowCount, Lines(Path.Combine($"db-{engine}", table.Schema.Name)).Count);
        }
    }
}
