using System.Net;
using System.Text;
using Lambda.Hosting.Client;
using Lambda.Hosting.ExceptionHandling;

namespace Lambdas.Tests.Hosting;

public class HttpRuntimeApiClientTests
{
    private readonly RecordingHandler _http = new();

    private HttpRuntimeApiClient Client() => new(new HttpClient(_http) { BaseAddress = new Uri("http://127.0.0.1:9001") });

    [Fact]
    public async Task Next_ReadsPayloadAndEveryContextHeader()
    {
        _http.Respond = _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"a\":1}") };
            response.Headers.Add(RuntimeApiNames.RequestIdHeader, "id-7");
            response.Headers.Add(RuntimeApiNames.DeadlineHeader, "1700000000000");
            response.Headers.Add(RuntimeApiNames.FunctionArnHeader, "arn:aws:lambda:eu-west-1:1:function:f");
            response.Headers.Add(RuntimeApiNames.TraceIdHeader, "Root=1-abc");
            response.Headers.Add(RuntimeApiNames.ClientContextHeader, "{\"client\":{}}");
            return response;
        };

        var invocation = await Client().GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal("/2018-06-01/runtime/invocation/next", _http.Requests.Single().Path);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(invocation.Payload));
        Assert.Equal("id-7", invocation.Context.RequestId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), invocation.Context.Deadline);
        Assert.Equal("arn:aws:lambda:eu-west-1:1:function:f", invocation.Context.FunctionArn);
        Assert.Equal("Root=1-abc", invocation.Context.TraceId);
        Assert.Equal("{\"client\":{}}", invocation.Context.ClientContext);
    }

    [Fact]
    public async Task Next_WithoutRequestId_Fails()
    {
        _http.Respond = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client().GetNextInvocationAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Response_PostsToTheRequestsPath()
    {
        await Client().SendResponseAsync("id-7", Encoding.UTF8.GetBytes("{}"), CancellationToken.None);

        var request = _http.Requests.Single();
        Assert.Equal("/2018-06-01/runtime/invocation/id-7/response", request.Path);
        Assert.Equal("{}", request.Body);
    }

    [Fact]
    public async Task Error_PostsTheDocumentWithItsTypeHeader()
    {
        await Client().SendErrorAsync("id-7", new ErrorBody("boom", "InvalidDataException", ["at X"]), CancellationToken.None);

        var request = _http.Requests.Single();
        Assert.Equal("/2018-06-01/runtime/invocation/id-7/error", request.Path);
        Assert.Equal("""{"errorMessage":"boom","errorType":"InvalidDataException","stackTrace":["at X"]}""", request.Body);
        Assert.Equal("Unhandled.InvalidDataException", request.ErrorType);
    }

    [Fact]
    public async Task InitError_PostsToTheInitPath()
    {
        await Client().SendInitErrorAsync(new ErrorBody("no config", "InvalidOperationException", []), CancellationToken.None);

        Assert.Equal("/2018-06-01/runtime/init/error", _http.Requests.Single().Path);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public sealed record Recorded(string Path, string Body, string? ErrorType);

        public List<Recorded> Requests { get; } = [];

        public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.Accepted);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var errorType = request.Content?.Headers.TryGetValues(RuntimeApiNames.ErrorTypeHeader, out var values) == true ? values.Single() : null;
            Requests.Add(new Recorded(request.RequestUri!.AbsolutePath, body, errorType));
            return Respond(request);
        }
    }
}
