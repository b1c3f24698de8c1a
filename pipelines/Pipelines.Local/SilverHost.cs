using System.Text.Json;
using Pipelines.Declarations.Functions;
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
public sealed class EmulatedSilverHost(PublishedFunction function) : ISilverHost
{
    public static async Task<EmulatedSilverHost> StartAsync(LocalFunctions functions, string projectRoot, string folder) =>
        new(await PublishedFunction.StartAsync(SilverTransformContract.Function, projectRoot, folder, functions.SilverVariables).ConfigureAwait(false));

    public async Task<SilverTransformResponse> TransformAsync(string dataset, string manifest, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.SerializeToUtf8Bytes(new SilverTransformRequest { Dataset = dataset, Manifest = manifest }, SilverTransformJson.Default.SilverTransformRequest);
        var result = await function.InvokeAsync(request, TimeSpan.FromMinutes(15)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? JsonSerializer.Deserialize(result.Body, SilverTransformJson.Default.SilverTransformResponse)!
            : throw new InvalidOperationException($"silver transform of {dataset} failed in the emulator: {result.Body}\n{function.Output}");
    }

    public ValueTask DisposeAsync() => function.DisposeAsync();
}
