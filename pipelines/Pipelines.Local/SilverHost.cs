using System.IO.Compression;
using System.Text.Json;
using Pipelines.Contracts.Functions;
using RuntimeEmulator;
using SilverTransform;

namespace Pipelines.Local;

/// <summary>Runs the silver transform's handler for one landed run: in this process, or as the Native AOT bootstrap behind the Runtime API emulator.</summary>
public interface ISilverHost : IAsyncDisposable
{
    Task<SilverTransformResponse> TransformAsync(string dataset, string manifest, CancellationToken cancellationToken);
}

public sealed class InProcessSilverHost(LocalFunctions functions, Lambda.Storage.IObjectStore? store = null) : ISilverHost
{
    private readonly SilverTransformHandler _handler = SilverTransformFunction.Create(functions.Silver, store ?? functions.Store);

    public Task<SilverTransformResponse> TransformAsync(string dataset, string manifest, CancellationToken cancellationToken) =>
        _handler.HandleAsync(new SilverTransformRequest { Dataset = dataset, Manifest = manifest }, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The function exactly as Lambda runs it: the bootstrap and its libraries from the packaged archive.</summary>
public sealed class EmulatedSilverHost : ISilverHost
{
    private readonly LambdaRuntimeEmulator _emulator;
    private readonly BootstrapProcess _process;

    private EmulatedSilverHost(LambdaRuntimeEmulator emulator, BootstrapProcess process)
    {
        _emulator = emulator;
        _process = process;
    }

    public static async Task<EmulatedSilverHost> StartAsync(LocalFunctions functions, string projectRoot, string folder)
    {
        var function = SilverTransformContract.Function;
        if (FunctionSources.Problem(function, FunctionSources.State(function, projectRoot)) is { } problem)
        {
            throw new InvalidOperationException($"{problem} (the emulator runs the published binaries)");
        }
        var archive = Path.Combine(projectRoot, function.ArtifactPath);
        var unpacked = Path.Combine(folder, "functions", SilverTransformContract.Function.Artifact);
        ZipFile.ExtractToDirectory(archive, unpacked, overwriteFiles: true);
        var emulator = await LambdaRuntimeEmulator.StartAsync().ConfigureAwait(false);
        return new EmulatedSilverHost(emulator, new BootstrapProcess(Path.Combine(unpacked, FunctionContract.Handler), emulator.Endpoint, functions.SilverVariables));
    }

    public async Task<SilverTransformResponse> TransformAsync(string dataset, string manifest, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.SerializeToUtf8Bytes(new SilverTransformRequest { Dataset = dataset, Manifest = manifest }, SilverTransformJson.Default.SilverTransformRequest);
        var result = await _emulator.InvokeAsync(request, TimeSpan.FromMinutes(15)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? JsonSerializer.Deserialize(result.Body, SilverTransformJson.Default.SilverTransformResponse)!
            : throw new InvalidOperationException($"silver transform of {dataset} failed in the emulator: {result.Body}\n{_process.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Dispose();
        await _emulator.DisposeAsync().ConfigureAwait(false);
    }
}
