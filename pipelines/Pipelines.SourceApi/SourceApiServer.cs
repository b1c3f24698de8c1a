using Pipelines.Declarations.Sources;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipelines.SourceApi;

/// <summary>
/// The course's paged REST API: an OAuth client-credentials token endpoint (<c>POST /oauth/token</c>) and
/// <c>GET /v1/{resource}</c> with offset/limit or cursor (<c>next</c> link) paging and an exclusive
/// <c>updated_since</c> filter on the resource's watermark. Bound to 127.0.0.1; faults come from <see cref="Faults"/>.
/// </summary>
public sealed class SourceApiServer : IAsyncDisposable
{
    public const string TokenPath = "/oauth/token";
    public const string ResourcePathPrefix = "/v1/";

    private readonly WebApplication _app;
    private readonly SourceApiOptions _options;
    private readonly Dictionary<string, ServedResource> _resources;
    private readonly ConcurrentDictionary<string, DateTime> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, int Status)> _log = new();

    private SourceApiServer(WebApplication app, SourceApiOptions options)
    {
        _app = app;
        _options = options;
        _resources = SourceDatasets.Api.ToDictionary(resource => resource.Name, resource => new ServedResource(resource, options.Data[resource.Dataset]), StringComparer.Ordinal);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public FaultInjector Faults { get; } = new();

    /// <summary>Every request answered, in order: path and status.</summary>
    public IReadOnlyCollection<(string Path, int Status)> Log => _log;

    public string ClientId => _options.ClientId;
    public string ClientSecret => _options.ClientSecret;
    public Uri TokenUri => new(BaseAddress, TokenPath);

    /// <summary>The items of a resource as served, in order: what a complete ingestion must end up with.</summary>
    public IReadOnlyList<byte[]> ItemsOf(string resource) => [.. _resources[resource].Items.Take(_resources[resource].Visible)];

    /// <summary>Serves only the first <paramref name="count"/> items of a resource (all by default): data that arrives over time.</summary>
    public void Reveal(string resource, int count) => _resources[resource].Visible = Math.Clamp(count, 0, _resources[resource].Items.Count);

    public static async Task<SourceApiServer> StartAsync(SourceApiOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var server = new SourceApiServer(app, options);
        app.MapPost(TokenPath, server.IssueTokenAsync);
        app.MapGet(ResourcePathPrefix + "{resource}", server.ServePageAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetService(typeof(IServer)) is IServer bound
            ? bound.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("the API server did not report its address");
        server.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync().ConfigureAwait(false) : null;
        if (form?["grant_type"].ToString() != "client_credentials")
        {
            await RespondAsync(context, 400, """{"error":"unsupported_grant_type"}""").ConfigureAwait(false);
            return;
        }
        if (form["client_id"].ToString() != _options.ClientId || form["client_secret"].ToString() != _options.ClientSecret)
        {
            await RespondAsync(context, 401, """{"error":"invalid_client"}""").ConfigureAwait(false);
            return;
        }
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        _tokens[token] = DateTime.UtcNow + _options.TokenLifetime;
        await RespondAsync(context, 200,
            $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{(int)_options.TokenLifetime.TotalSeconds}}}""").ConfigureAwait(false);
    }

    private async Task ServePageAsync(HttpContext context, string resource)
    {
        var fault = Faults.Next();
        if (fault?.Kind == FaultKind.ExpiredToken)
        {
            _tokens.Clear();
        }
        if (!Authorized(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await RespondAsync(context, 401, """{"error":"invalid_token"}""").ConfigureAwait(false);
            return;
        }
        switch (fault?.Kind)
        {
            case FaultKind.RateLimited:
                context.Response.Headers.RetryAfter = ((int)fault.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await RespondAsync(context, 429, """{"error":"rate limited"}""").ConfigureAwait(false);
                return;
            case FaultKind.ServerError:
                await RespondAsync(context, 500, """{"error":"internal error"}""").ConfigureAwait(false);
                return;
            case FaultKind.Slow:
                await Task.Delay(fault.Duration, context.RequestAborted).ConfigureAwait(false);
                break;
        }
        if (!_resources.TryGetValue(resource, out var served))
        {
            await RespondAsync(context, 404, $$"""{"error":"no resource '{{resource}}'","resources":{{JsonSerializer.Serialize(_resources.Keys.Order().ToArray(), SourceApiJson.Default.StringArray)}}}""").ConfigureAwait(false);
            return;
        }
        if (PageRequest.Parse(context.Request.Query, _options) is not { } request)
        {
            await RespondAsync(context, 400, """{"error":"limit must be 1 to the maximum, offset at least 0, updated_since an ISO 8601 timestamp, cursor one this API gave"}""").ConfigureAwait(false);
            return;
        }
        var body = Page(served, request);
        if (fault?.Kind == FaultKind.TruncatedJson)
        {
            body = body[..(body.Length / 2)];
        }
        await RespondAsync(context, 200, body).ConfigureAwait(false);
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && _tokens.TryGetValue(header["Bearer ".Length..], out var expires) && expires > DateTime.UtcNow;
    }

    private byte[] Page(ServedResource served, PageRequest request)
    {
        var first = served.FirstAfter(request.Since);
        var total = served.Visible - first;
        var start = first + request.Offset;
        var end = Math.Min(served.Visible, start + request.Limit);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("resource", served.Resource.Name);
            json.WriteNumber("total", total);
            json.WriteNumber("offset", request.Offset);
            json.WriteNumber("limit", request.Limit);
            json.WriteStartArray("items");
            for (var i = start; i < end; i++)
            {
                json.WriteRawValue(served.Items[i], skipInputValidation: true);
            }
            json.WriteEndArray();
            if (end < served.Visible)
            {
                json.WriteString("next", new Uri(BaseAddress, $"{ResourcePathPrefix.TrimStart('/')}{served.Resource.Name}?limit={request.Limit}&cursor={PageRequest.Cursor(request.Offset + (end - start), request.Since)}").ToString());
            }
            else
            {
                json.WriteNull("next");
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private Task RespondAsync(HttpContext context, int status, string body) => RespondAsync(context, status, Encoding.UTF8.GetBytes(body));

    private async Task RespondAsync(HttpContext context, int status, byte[] body)
    {
        _log.Enqueue((context.Request.Path + context.Request.QueryString, status));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
