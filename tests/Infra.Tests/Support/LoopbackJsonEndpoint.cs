using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Tests.Support;

/// <summary>
/// A JSON-over-HTTP endpoint on 127.0.0.1 for the States Language harness to call back into a test: each POST's body
/// goes to the handler with the request's path; what it throws is answered with status 400 and the error.
/// </summary>
public sealed class LoopbackJsonEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, JsonObject, Task<JsonObject>> _handle;
    private readonly Task _serving;

    public LoopbackJsonEndpoint(Func<string, JsonObject, Task<JsonObject>> handle)
    {
        _handle = handle;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Address = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{Address}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Address { get; }

    /// <summary>Thrown by a handler to answer with this body (status 400) instead of a plain error.</summary>
    public sealed class Refusal(JsonObject answer) : Exception(answer.ToJsonString())
    {
        public JsonObject Answer { get; } = answer;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var body = JsonNode.Parse(await new StreamReader(context.Request.InputStream).ReadToEndAsync().ConfigureAwait(false))!.AsObject();
            JsonObject answer;
            try
            {
                answer = await _handle(context.Request.Url!.AbsolutePath, body).ConfigureAwait(false);
                context.Response.StatusCode = 200;
            }
            catch (Refusal refusal)
            {
                answer = refusal.Answer;
                context.Response.StatusCode = 400;
            }
            catch (Exception e)
            {
                answer = new JsonObject { ["error"] = e.Message };
                context.Response.StatusCode = 400;
            }
            await using (var output = context.Response.OutputStream)
            {
                await JsonSerializer.SerializeAsync(output, answer).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        // Close alone: after Stop has released the port, the managed listener's Close looks the port up again and binds
        // it anew to remove it, which fails when a parallel test has taken that port meanwhile ("Address already in use").
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
