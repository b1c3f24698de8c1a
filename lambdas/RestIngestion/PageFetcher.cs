using System.Net;
using System.Text.Json;

namespace RestIngestion;

/// <summary>
/// Gets one page with a bearer token: retries 429, 5xx, timeouts, broken connections and unreadable
/// JSON with backoff (honouring <c>Retry-After</c>), refreshes the token on 401, and gives up early
/// (<see cref="OutOfTimeException"/>) rather than wait past the point the run must stop.
/// </summary>
public sealed class PageFetcher(HttpClient http, TokenProvider tokens, RetryPolicy retry, IPause pause, TimeSpan requestTimeout, TimeProvider clock)
{
    public int Retries { get; private set; }

    public async Task<FetchedPage> GetAsync(Uri url, string watermarkField, DateTimeOffset stopBy, CancellationToken cancellationToken)
    {
        var refreshToken = false;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                var token = await tokens.GetAsync(refreshToken, cancellationToken).ConfigureAwait(false);
                refreshToken = false;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(requestTimeout);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        try
                        {
                            return Parse(body, url, watermarkField);
                        }
                        catch (JsonException e)
                        {
                            // A body cut short by a broken connection reads this way too: worth another attempt.
                            failure = $"the body is not JSON ({e.Message})";
                        }
                        break;
                    case HttpStatusCode.Unauthorized:
                        refreshToken = true;
                        failure = "401: the token expired";
                        break;
                    case HttpStatusCode.TooManyRequests:
                        retryAfter = RetryAfter(response, clock.GetUtcNow());
                        failure = "429: rate limited";
                        break;
                    case >= HttpStatusCode.InternalServerError:
                        failure = $"{(int)response.StatusCode}: server error";
                        break;
                    default:
                        throw new ApiRefusedException($"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {requestTimeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                failure = $"connection failed: {e.Message}";
            }
            if (attempt >= retry.MaxAttempts)
            {
                throw new ApiUnavailableException($"GET {url} failed {attempt} times; last: {failure}");
            }
            var delay = refreshToken ? TimeSpan.Zero : retry.Delay(attempt, retryAfter);
            if (clock.GetUtcNow() + delay + requestTimeout > stopBy)
            {
                throw new OutOfTimeException($"GET {url}: {failure}; the next attempt would end after the run must stop");
            }
            Retries++;
            await pause.PauseAsync(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        return header?.Date is { } date && date > now ? date - now : null;
    }

    private static readonly JsonDocumentOptions Reading = new() { MaxDepth = 512 };

    /// <summary>The page's items, watermarks, next link (relative ones resolved against <paramref name="url"/>) and total.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    /// <exception cref="ApiRefusedException">The body is JSON but not a page: no items array, or a next link that is not a URL.</exception>
    private static FetchedPage Parse(byte[] body, Uri url, string watermarkField)
    {
        using var document = JsonDocument.Parse(body, Reading);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new ApiRefusedException($"GET {url} answered JSON that is not a page: a page is an object with an 'items' array");
        }
        var lines = new List<byte[]>(items.GetArrayLength());
        var watermarks = new List<string?>(lines.Capacity);
        foreach (var item in items.EnumerateArray())
        {
            // The item's bytes as the API sent them: one holding bytes that are not UTF-8 is kept for silver to quarantine with its reason.
            lines.Add(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(item).ToArray());
            watermarks.Add(item.ValueKind == JsonValueKind.Object && item.TryGetProperty(watermarkField, out var mark) && mark.ValueKind == JsonValueKind.String ? Text(mark) : null);
        }
        Uri? next = null;
        if (root.TryGetProperty("next", out var link) && link.ValueKind != JsonValueKind.Null)
        {
            next = link.ValueKind == JsonValueKind.String && Text(link) is { } text && Uri.TryCreate(url, text, out var resolved) && resolved.Scheme is "https" or "http"
                ? resolved
                : throw new ApiRefusedException($"GET {url} answered a next link that is not an http(s) URL: {Shorten(link.GetRawText())}");
        }
        long? total = root.TryGetProperty("total", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt64(out var value) ? value : null;
        return new FetchedPage(lines, watermarks, next, total);
    }

    /// <summary>A string's value, or null when it holds an escape no .NET string can (a lone surrogate).</summary>
    private static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

/// <summary>The API stayed unavailable through every retry; the checkpoint lets a later run resume.</summary>
public sealed class ApiUnavailableException(string message) : Exception(message);

/// <summary>Too little time is left for another attempt; the run stops at its checkpoint.</summary>
public sealed class OutOfTimeException(string message) : Exception(message);
