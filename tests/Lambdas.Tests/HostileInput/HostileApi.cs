using System.Net;
using System.Text;
using System.Text.Json;
using Lambdas.Tests.Support;

namespace Lambdas.Tests.HostileInput;

/// <summary>What a generated API does wrong, if anything.</summary>
public enum ApiFault
{
    None,
    /// <summary>Some answers are 500, 429 or cut short, each page recovering within two attempts.</summary>
    Transient,
    /// <summary>A page without an items array.</summary>
    NoItems,
    /// <summary>A next link that is not a URL.</summary>
    BrokenLink,
    /// <summary>A next link back to a page already read.</summary>
    LoopingCursor,
    /// <summary>The first page again whatever the offset.</summary>
    IgnoresOffset,
}

/// <summary>
/// An in-process paged API (no socket) serving items from the shared hostile generator — any JSON value, strings with
/// lone surrogates, numbers past every limit, deep nesting, a clock-skewed watermark — by offset or by next link
/// (relative or absolute), with one <see cref="ApiFault"/>. It refuses to answer more than a bounded number of requests,
/// so a client that never stops fails the test instead of hanging it.
/// </summary>
public sealed class HostileApi : HttpMessageHandler
{
    public static readonly Uri BaseUrl = new("https://api.example.test/");
    public static readonly Uri TokenUrl = new("https://api.example.test/oauth/token");
    private const int RequestLimit = 2000;

    private readonly Hostile _hostile;
    private readonly int _pageSize;
    private readonly bool _nextLinks;
    private readonly Dictionary<int, int> _transientFailures = [];

    public HostileApi(Hostile hostile, bool nextLinks, int pageSize, ApiFault fault)
    {
        _hostile = hostile;
        _nextLinks = nextLinks;
        _pageSize = pageSize;
        Fault = fault;
        Items = [.. Enumerable.Range(0, hostile.Next(4 * pageSize)).Select(Item)];
    }

    public ApiFault Fault { get; }

    /// <summary>Every item the API holds, as the bytes it serves: JSON, though strings may hold bytes that are not UTF-8.</summary>
    public List<byte[]> Items { get; }

    public int Requests { get; private set; }

    private byte[] Item(int index)
    {
        var updated = _hostile.Chance(0.05) ? "9999-12-31T23:59:59Z" : $"2026-02-{1 + index % 28:D2}T10:00:00Z";
        var valid = $$"""{"id":{{index}},"updated_at":"{{updated}}","name":"item {{index}}"}""";
        var candidate = _hostile.Chance(0.3) ? Encoding.UTF8.GetBytes(_hostile.Value()) : _hostile.Record(valid).Bytes;
        try
        {
            using var parsed = JsonDocument.Parse(candidate, new JsonDocumentOptions { MaxDepth = 512 });
            return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(parsed.RootElement).ToArray();
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetBytes(valid);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (++Requests > RequestLimit)
        {
            throw new InvalidOperationException($"the client sent more than {RequestLimit} requests: it does not stop");
        }
        if (request.RequestUri!.AbsolutePath == TokenUrl.AbsolutePath)
        {
            return Answer("""{"access_token":"token","token_type":"Bearer","expires_in":3600}"""u8.ToArray());
        }
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        var limit = int.Parse(query["limit"] ?? $"{_pageSize}", System.Globalization.CultureInfo.InvariantCulture);
        var start = int.Parse(query[_nextLinks ? "cursor" : "offset"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        if (Fault == ApiFault.Transient && _transientFailures.GetValueOrDefault(start) < 2 && _hostile.Chance(0.5))
        {
            _transientFailures[start] = _transientFailures.GetValueOrDefault(start) + 1;
            return _hostile.Next(3) switch
            {
                0 => new HttpResponseMessage(HttpStatusCode.InternalServerError),
                1 => new HttpResponseMessage(HttpStatusCode.TooManyRequests),
                _ => Answer(Page(start, limit)[..^7]),
            };
        }
        await Task.Yield();
        return Answer(Page(Fault == ApiFault.IgnoresOffset ? 0 : start, limit));
    }

    private byte[] Page(int start, int limit)
    {
        var items = Items.Skip(start).Take(limit).ToList();
        var page = new MemoryStream();
        page.Write(Encoding.UTF8.GetBytes(Fault == ApiFault.NoItems && start >= limit ? "{\"records\":[" : "{\"items\":["));
        for (var i = 0; i < items.Count; i++)
        {
            page.Write(i == 0 ? [] : ","u8);
            page.Write(items[i]);
        }
        var body = new StringBuilder("]");
        var end = start + items.Count;
        if (_nextLinks && end < Items.Count)
        {
            var link = Fault switch
            {
                ApiFault.BrokenLink when start >= limit => "\"http://[not a host\"",
                ApiFault.LoopingCursor when start >= limit => $"\"{BaseUrl}v1/things?cursor={start - limit}&limit={limit}\"",
                _ when end % 2 == 0 => $"\"?cursor={end}&limit={limit}\"",
                _ => $"\"{BaseUrl}v1/things?cursor={end}&limit={limit}\"",
            };
            body.Append(",\"next\":").Append(link);
        }
        if (!_nextLinks)
        {
            body.Append(",\"total\":").Append(Items.Count);
        }
        page.Write(Encoding.UTF8.GetBytes(body.Append('}').ToString()));
        return page.ToArray();
    }

    private static HttpResponseMessage Answer(byte[] json) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(json) };
}
