using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RuntimeEmulator;

/// <summary>
/// A local Lambda Runtime API on 127.0.0.1: queue invocations, let a real <c>bootstrap</c>
/// process fetch and answer them, and await the results. Used by tests and benchmarks.
/// </summary>
public sealed class LambdaRuntimeEmulator : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:emulated";

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new();
    private readonly TaskCompletionSource<InvocationResult> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebApplication _app;

    private sealed record Pending(string RequestId, byte[] Payload, DateTimeOffset Deadline, TaskCompletionSource<InvocationResult> Result);

    private LambdaRuntimeEmulator(WebApplication app) => _app = app;

    /// <summary>host:port, the value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Completes when the runtime reports an initialization error.</summary>
    public Task<InvocationResult> InitError => _initError.Task;

    public static async Task<LambdaRuntimeEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var emulator = new LambdaRuntimeEmulator(app);
        emulator.Map(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("no server");
        emulator.Endpoint = new Uri(address).Authority;
        return emulator;
    }

    /// <summary>Queues an event; the task completes when the runtime answers it.</summary>
    public Task<InvocationResult> InvokeAsync(byte[] payload, TimeSpan timeout)
    {
        var pending = new Pending(Guid.NewGuid().ToString(), payload, DateTimeOffset.UtcNow + timeout,
            new TaskCompletionSource<InvocationResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _inFlight[pending.RequestId] = pending;
        _queue.Writer.TryWrite(pending);
        return pending.Result.Task;
    }

    private void Map(WebApplication app)
    {
        app.MapGet(Prefix + "/invocation/next", async (HttpContext http) =>
        {
            var pending = await _queue.Reader.ReadAsync(http.RequestAborted).ConfigureAwait(false);
            var headers = http.Response.Headers;
            headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
            headers["Lambda-Runtime-Deadline-Ms"] = pending.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            headers["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn;
            headers["Lambda-Runtime-Trace-Id"] = "Root=1-00000000-000000000000000000000000;Sampled=0";
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(pending.Payload, http.RequestAborted).ConfigureAwait(false);
        });
        app.MapPost(Prefix + "/invocation/{requestId}/response", async (string requestId, HttpContext http) =>
            Complete(requestId, InvocationResult.Success(await Body(http).ConfigureAwait(false))));
        app.MapPost(Prefix + "/invocation/{requestId}/error", async (string requestId, HttpContext http) =>
            Complete(requestId, InvocationResult.Error(await Body(http).ConfigureAwait(false), ErrorType(http))));
        app.MapPost(Prefix + "/init/error", async (HttpContext http) =>
        {
            _initError.TrySetResult(InvocationResult.Error(await Body(http).ConfigureAwait(false), ErrorType(http)));
            return Results.Accepted();
        });
    }

    private IResult Complete(string requestId, InvocationResult result)
    {
        if (!_inFlight.TryRemove(requestId, out var pending))
        {
            return Results.NotFound(new { errorMessage = $"unknown request id {requestId}", errorType = "InvalidRequestID" });
        }
        pending.Result.TrySetResult(result);
        return Results.Accepted();
    }

    private static async Task<string> Body(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static string? ErrorType(HttpContext http) =>
        http.Request.Headers.TryGetValue("Lambda-Runtime-Function-Error-Type", out var type) ? type.ToString() : null;

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
