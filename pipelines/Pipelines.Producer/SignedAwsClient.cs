using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Pipelines.Producer;

/// <summary>
/// A POST to an AWS API signed with Signature Version 4 by AWSSDK.Core's signer: JSON-protocol calls
/// (a target header, e.g. Kinesis) and REST calls (a path, e.g. Lambda Invoke). No service SDK needed.
/// </summary>
public sealed class SignedAwsClient(HttpClient http, Uri endpoint, string service, string region, Func<ImmutableCredentials> credentials, TimeProvider? clock = null)
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Uri Endpoint => endpoint;

    /// <summary>Posts <paramref name="body"/> and returns the status and the answer's bytes; the caller decides what an error means.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> PostAsync(string path, byte[] body, string contentType, string? target, CancellationToken cancellationToken)
    {
        var uri = new Uri(endpoint, path);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        Sign(request, uri, body, contentType, target);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
    }

    private void Sign(HttpRequestMessage request, Uri uri, byte[] body, string contentType, string? target)
    {
        var identity = credentials();
        var now = _clock.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = contentType,
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["x-amz-date"] = amzDate,
        };
        if (target is not null)
        {
            headers["x-amz-target"] = target;
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }
        if (identity.UseToken)
        {
            headers["x-amz-security-token"] = identity.Token;
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", identity.Token);
        }
        var signedHeaders = string.Join(';', headers.Keys);
        var signature = AWS4Signer.ComputeSignature(identity, region, now, service, signedHeaders, CanonicalRequest("POST", uri.AbsolutePath, "", headers, body));
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
    }

    /// <summary>The SigV4 canonical request: method, path, query, each header lower-cased and sorted, the signed names, the payload's hash.</summary>
    public static string CanonicalRequest(string method, string path, string query, SortedDictionary<string, string> headers, byte[] body) =>
        new StringBuilder()
            .Append(method).Append('\n').Append(path).Append('\n').Append(query).Append('\n')
            .Append(string.Concat(headers.Select(header => $"{header.Key}:{header.Value.Trim()}\n"))).Append('\n')
            .Append(string.Join(';', headers.Keys)).Append('\n')
            .Append(Convert.ToHexStringLower(SHA256.HashData(body)))
            .ToString();

    /// <summary>The error type of a JSON-protocol error answer (<c>__type</c> without its namespace), or empty.</summary>
    public static string ErrorType(byte[] answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            var type = document.RootElement.TryGetProperty("__type", out var value) ? value.GetString() ?? "" : "";
            return type[(type.LastIndexOf('#') + 1)..];
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
