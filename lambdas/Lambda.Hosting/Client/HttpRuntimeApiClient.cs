using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Lambda.Hosting.Context;
using Lambda.Hosting.ExceptionHandling;

namespace Lambda.Hosting.Client;

/// <summary>The Runtime API over HTTP; <paramref name="http"/> has its BaseAddress set to the API endpoint.</summary>
public sealed class HttpRuntimeApiClient(HttpClient http) : IRuntimeApiClient
{
    /// <summary>A client for the endpoint named by <c>AWS_LAMBDA_RUNTIME_API</c> (host:port).</summary>
    public static HttpRuntimeApiClient ForEndpoint(string hostAndPort) => new(new HttpClient
    {
        BaseAddress = new Uri("http://" + hostAndPort),
        // The next-invocation call is a long poll that may wait for hours.
        Timeout = Timeout.InfiniteTimeSpan,
    });

    public async Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(RuntimeApiNames.NextPath, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = response.Headers;
        var requestId = Header(headers, RuntimeApiNames.RequestIdHeader)
            ?? throw new InvalidOperationException($"the Runtime API sent no {RuntimeApiNames.RequestIdHeader} header");
        var deadline = long.TryParse(Header(headers, RuntimeApiNames.DeadlineHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MaxValue;
        var context = new InvocationContext(
            requestId,
            deadline,
            Header(headers, RuntimeApiNames.FunctionArnHeader) ?? "",
            Header(headers, RuntimeApiNames.TraceIdHeader),
            Header(headers, RuntimeApiNames.ClientContextHeader));
        return new Invocation(payload, context);
    }

    public async Task SendResponseAsync(string requestId, byte[] response, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(response);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var result = await http.PostAsync(RuntimeApiNames.ResponsePath(requestId), content, cancellationToken).ConfigureAwait(false);
        result.EnsureSuccessStatusCode();
    }

    public Task SendErrorAsync(string requestId, ErrorBody error, CancellationToken cancellationToken) =>
        PostError(RuntimeApiNames.ErrorPath(requestId), error, cancellationToken);

    public Task SendInitErrorAsync(ErrorBody error, CancellationToken cancellationToken) =>
        PostError(RuntimeApiNames.InitErrorPath, error, cancellationToken);

    private async Task PostError(string path, ErrorBody error, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, HostingJsonContext.Default.ErrorBody));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(RuntimeApiNames.ErrorTypeHeader, "Unhandled." + error.ErrorType);
        using var result = await http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        result.EnsureSuccessStatusCode();
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
