using System.IO.Compression;
using Pipelines.Declarations.Functions;
using RuntimeEmulator;

namespace Pipelines.Local;

/// <summary>
/// A function exactly as Lambda runs it: its Native AOT bootstrap unpacked from the archive the stacks deploy, behind
/// a Runtime API emulator of its own, with the environment given. One invocation at a time, as one execution environment.
/// </summary>
public sealed class PublishedFunction : IAsyncDisposable
{
    private readonly LambdaRuntimeEmulator _emulator;
    private readonly BootstrapProcess _process;

    private PublishedFunction(FunctionContract contract, LambdaRuntimeEmulator emulator, BootstrapProcess process)
    {
        Contract = contract;
        _emulator = emulator;
        _process = process;
    }

    public FunctionContract Contract { get; }

    /// <summary>What the bootstrap wrote to its standard output and error, for a failure's message.</summary>
    public string Output => _process.Output;

    /// <param name="folder">Where the archive is unpacked (under <c>functions/</c>).</param>
    public static async Task<PublishedFunction> StartAsync(FunctionContract contract, string projectRoot, string folder, IReadOnlyDictionary<string, string> variables)
    {
        if (FunctionSources.Problem(contract, FunctionSources.State(contract, projectRoot)) is { } problem)
        {
            throw new InvalidOperationException($"{problem} (the emulator runs the published binaries)");
        }
        var unpacked = Path.Combine(folder, "functions", contract.Artifact);
        ZipFile.ExtractToDirectory(Path.Combine(projectRoot, contract.ArtifactPath), unpacked, overwriteFiles: true);
        var emulator = await LambdaRuntimeEmulator.StartAsync().ConfigureAwait(false);
        return new PublishedFunction(contract, emulator, new BootstrapProcess(Path.Combine(unpacked, FunctionContract.Handler), emulator.Endpoint, variables));
    }

    public Task<InvocationResult> InvokeAsync(byte[] payload, TimeSpan timeout) => _emulator.InvokeAsync(payload, timeout);

    public async ValueTask DisposeAsync()
    {
        _process.Dispose();
        await _emulator.DisposeAsync().ConfigureAwait(false);
    }
}
