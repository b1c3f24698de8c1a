using System.Text;
using System.Text.Json;
using Lambda.Events;
using Lambda.Hosting.Bootstrap;
using Lambdas.Tests.Support;
using Pipelines.Declarations.Functions;
using RuntimeEmulator;
using Tests.Shared;

namespace Lambdas.Tests.EndToEnd;

/// <summary>The published Native AOT bootstrap of the stream consumer, run through the Runtime API emulator.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class StreamConsumerBootstrapTests : IAsyncLifetime
{
    private static readonly string Function = StreamConsumerContract.Function.Artifact;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private LambdaRuntimeEmulator _emulator = null!;
    private readonly string _storeRoot = Directory.CreateTempSubdirectory("bronze-").FullName;

    public async Task InitializeAsync() => _emulator = await LambdaRuntimeEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_storeRoot, recursive: true);
    }

    private BootstrapProcess Start(bool withBucket = true, bool prefault = true, string? runtimeApi = null)
    {
        var variables = new Dictionary<string, string> { ["OBJECT_STORE_ROOT"] = _storeRoot, ["AWS_LAMBDA_FUNCTION_NAME"] = Function };
        if (!prefault)
        {
            variables["BOOTSTRAP_PREFAULT"] = "0";
        }
        if (withBucket)
        {
            variables[StreamConsumerContract.BucketVariable] = "bronze";
        }
        return new BootstrapProcess(LambdaPackage.ExtractBootstrap(Function), runtimeApi ?? _emulator.Endpoint, variables);
    }

    private static byte[] Json(KinesisEvent batch) => JsonSerializer.SerializeToUtf8Bytes(batch, KinesisJsonContext.Default.KinesisEvent);

    [Fact]
    public void Package_BootstrapIsTheOnlyExecutableInTheZip_BesideItsSourceFingerprint()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(LambdaPackage.Zip(Function));

        Assert.Equal(["bootstrap", Pipelines.Declarations.Functions.FunctionSources.StampEntry], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var entry = zip.GetEntry("bootstrap")!;
        Assert.True((entry.ExternalAttributes >> 16 & 0x49) == 0x49, "bootstrap must be executable by user, group and others");
    }

    [Fact]
    public void Package_BootstrapCarriesTheStartupPrefault()
    {
        var bootstrap = File.ReadAllBytes(LambdaPackage.ExtractBootstrap(Function));

        // The switch's name is only in lambdas/NativeStartup/prefault.c: it is linked in.
        Assert.True(bootstrap.AsSpan().IndexOf("BOOTSTRAP_PREFAULT"u8) >= 0, "the native start-up prefault is not linked into bootstrap");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bootstrap_ValidBatch_RespondsAndWritesBronze(bool prefault)
    {
        using var process = Start(prefault: prefault);
        var batch = KinesisBatch.Of(KinesisBatch.Session("s1", "USA", ("p", 2, true)), KinesisBatch.Session("s2", "Italy"), "broken");

        var result = await _emulator.InvokeAsync(Json(batch), TimeSpan.FromSeconds(10)).WaitAsync(Wait);

        Assert.True(result.Succeeded, result.Body + process.Output);
        Assert.Equal("""{"batchItemFailures":[]}""", result.Body);
        var files = Directory.GetFiles(Path.Combine(_storeRoot, "bronze"), "*.ndjson.gz", SearchOption.AllDirectories);
        Assert.Equal(3, files.Length);
        Assert.Contains("\"RecordsQuarantined\":1", process.Output);
    }

    [Fact]
    public async Task Bootstrap_EventOfTheWrongShape_PostsAnErrorAndKeepsServing()
    {
        using var process = Start();

        var failed = await _emulator.InvokeAsync("[1,2,3]"u8.ToArray(), TimeSpan.FromSeconds(10)).WaitAsync(Wait);
        var next = await _emulator.InvokeAsync(Json(KinesisBatch.Of(KinesisBatch.Session("s1"))), TimeSpan.FromSeconds(10)).WaitAsync(Wait);

        Assert.False(failed.Succeeded);
        Assert.Equal("Unhandled.JsonException", failed.ErrorType);
        Assert.Contains("\"errorType\":\"JsonException\"", failed.Body);
        Assert.True(next.Succeeded, next.Body);
    }

    [Fact]
    public async Task Bootstrap_DeadlineAlreadyPassed_ReportsDeadlineExceeded()
    {
        using var process = Start();

        var result = await _emulator.InvokeAsync(Json(KinesisBatch.Of(KinesisBatch.Session("s1"))), TimeSpan.FromMilliseconds(-1)).WaitAsync(Wait);

        Assert.False(result.Succeeded);
        Assert.Contains(LambdaBootstrap.DeadlineExceededType, result.Body);
        Assert.Empty(Directory.GetFiles(_storeRoot, "*", SearchOption.AllDirectories));
    }

    // SIGTERM is what Lambda sends at shutdown. SIGINT is handled the same way, but a test
    // cannot rely on it: a shell that starts jobs in the background makes them ignore SIGINT.
    [Fact]
    public async Task Bootstrap_Sigterm_EndsTheLoopCleanly()
    {
        using var process = Start();
        var served = await _emulator.InvokeAsync(Json(KinesisBatch.Of(KinesisBatch.Session("s1"))), TimeSpan.FromSeconds(10)).WaitAsync(Wait);
        Assert.True(served.Succeeded, served.Body + process.Output);

        var kill = ChildProcess.Run("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], _storeRoot, Wait);

        Assert.Equal(0, kill.ExitCode);
        Assert.True(process.WaitForExit(Wait), "the bootstrap did not stop on SIGTERM");
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void Bootstrap_RuntimeApiUnreachable_SaysWhichAndExitsWithOne()
    {
        var closedEndpoint = ClosedLocalEndpoint();
        using var process = Start(runtimeApi: closedEndpoint);

        Assert.True(process.WaitForExit(Wait));

        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"the Runtime API at {closedEndpoint} failed", process.Output);
        Assert.Contains("\"errorType\":\"HttpRequestException\"", process.Output);
    }

    private static string ClosedLocalEndpoint()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"127.0.0.1:{port}";
    }

    [Fact]
    public async Task Bootstrap_MissingConfiguration_ReportsInitErrorAndExits()
    {
        using var process = Start(withBucket: false);

        var error = await _emulator.InitError.WaitAsync(Wait);

        Assert.Contains("BRONZE_BUCKET is not set", error.Body);
        Assert.True(process.WaitForExit(Wait));
        Assert.Equal(1, process.ExitCode);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "bootstrap processes";
}
