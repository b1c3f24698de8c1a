using System.Text.Json;
using Lambda.Storage;
using Lambdas.Tests.SilverTransform;
using Lambdas.Tests.Support;
using Pipelines.Declarations.Functions;
using Pipelines.Generator;
using RuntimeEmulator;

namespace Lambdas.Tests.EndToEnd;

/// <summary>The published Native AOT silver transform (DuckDB inside) through the Runtime API emulator.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SilverBootstrapTests : IAsyncLifetime
{
    private LambdaRuntimeEmulator _emulator = null!;
    private readonly string _work = Directory.CreateTempSubdirectory("silver-e2e-").FullName;

    public async Task InitializeAsync() => _emulator = await LambdaRuntimeEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task The_aot_bootstrap_loads_duckdb_and_turns_a_bronze_run_into_silver()
    {
        var root = Path.Combine(_work, "store");
        BronzeRun.Write(new FileObjectStore(root), "bronze");
        using var zip = System.IO.Compression.ZipFile.OpenRead(LambdaPackage.Zip(SilverTransformContract.Function.Artifact));
        Assert.Equal(["bootstrap", "libduckdb.so", Pipelines.Declarations.Functions.FunctionSources.StampEntry], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var process = new BootstrapProcess(LambdaPackage.ExtractBootstrap(SilverTransformContract.Function.Artifact), _emulator.Endpoint, new Dictionary<string, string>
        {
            ["OBJECT_STORE_ROOT"] = root,
            [SilverTransformContract.BronzeBucketVariable] = "bronze",
            [SilverTransformContract.SilverBucketVariable] = "silver",
            [SilverTransformContract.WorkFolderVariable] = Path.Combine(_work, "tmp"),
        });

        var result = await _emulator.InvokeAsync(JsonSerializer.SerializeToUtf8Bytes(new { dataset = "orders", manifest = BronzeRun.Manifest }), TimeSpan.FromSeconds(60)).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(result.Succeeded, result.Body + process.Output);
        var response = JsonDocument.Parse(result.Body).RootElement;
        var spoiled = BronzeRun.Data["orders"].BadRows().Count(b => b.Kind == BadRowKind.MissingRequired);
        Assert.Equal(BronzeRun.Data["orders"].RowCount, response.GetProperty("in").GetInt64());
        Assert.Equal(spoiled, response.GetProperty("quarantined").GetInt64());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(root, "silver", "orders"), "*.parquet", SearchOption.AllDirectories));
        Assert.Contains("\"RowsQuarantined\"", process.Output);
    }
}
