using System.Text;
using System.Text.Json.Nodes;
using Pipelines.Declarations.Functions;
using Pipelines.Local;

namespace Infra.Tests.Support;

/// <summary>
/// Stands in for Lambda while a synthesized state machine runs: each function the state machine names (by its ARN) is
/// its published Native AOT bootstrap, unpacked from the archive the stack deploys, behind a Runtime API emulator, with
/// the environment the test gives it. A function error is answered as Lambda's task reports it. Listens on 127.0.0.1.
/// </summary>
public sealed class FunctionsOnBootstraps : IAsyncDisposable
{
    private readonly Dictionary<string, PublishedFunction> _functions = new(StringComparer.Ordinal);
    private readonly LoopbackJsonEndpoint _endpoint;
    private readonly Func<FunctionContract, JsonNode?, JsonNode?, Task> _invoked;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="invoked">Called after each successful invocation with the request and the response (e.g. to catalog what it wrote).</param>
    private FunctionsOnBootstraps(Func<FunctionContract, JsonNode?, JsonNode?, Task> invoked)
    {
        _invoked = invoked;
        _endpoint = new LoopbackJsonEndpoint((_, body) => InvokeAsync(body));
    }

    public string Endpoint => _endpoint.Address;

    /// <summary>Every invocation, as <c>artifact: request → response</c>, in order.</summary>
    public List<string> Invocations { get; } = [];

    /// <param name="functions">Per function ARN as the state machine names it: its contract and environment.</param>
    public static async Task<FunctionsOnBootstraps> StartAsync(string folder,
        IReadOnlyDictionary<string, (FunctionContract Contract, IReadOnlyDictionary<string, string> Variables)> functions, Func<FunctionContract, JsonNode?, JsonNode?, Task> invoked)
    {
        LambdaPackage.EnsureBuilt();
        var bound = new FunctionsOnBootstraps(invoked);
        foreach (var (arn, (contract, variables)) in functions)
        {
            bound._functions[arn] = await PublishedFunction.StartAsync(contract, Repository.Root, folder, variables);
        }
        return bound;
    }

    private async Task<JsonObject> InvokeAsync(JsonObject body)
    {
        var arn = body["function"]!.GetValue<string>();
        if (!_functions.TryGetValue(arn, out var function))
        {
            throw new LoopbackJsonEndpoint.Refusal(new JsonObject { ["errorType"] = "Lambda.ResourceNotFoundException", ["error"] = $"no function {arn}" });
        }
        var request = body["payload"]?.ToJsonString() ?? "{}";
        // One emulator serves one invocation at a time, as one Lambda execution environment does.
        await _oneAtATime.WaitAsync();
        try
        {
            var result = await function.InvokeAsync(Encoding.UTF8.GetBytes(request), TimeSpan.FromMinutes(5));
            Invocations.Add($"{function.Contract.Artifact}: {request} → {result.Body}");
            if (!result.Succeeded)
            {
                throw new LoopbackJsonEndpoint.Refusal(new JsonObject { ["errorType"] = result.ErrorType ?? "Lambda.Unknown", ["error"] = $"{result.Body}\n{function.Output}" });
            }
            var response = JsonNode.Parse(result.Body);
            await _invoked(function.Contract, JsonNode.Parse(request), response);
            return new JsonObject { ["payload"] = response };
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _endpoint.Dispose();
        foreach (var function in _functions.Values)
        {
            await function.DisposeAsync();
        }
    }
}
