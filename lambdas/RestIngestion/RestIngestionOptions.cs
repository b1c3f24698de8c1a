using System.Globalization;
using Pipelines.Declarations.Functions;

namespace RestIngestion;

/// <summary>What the function reads from its environment, by the names of its contract.</summary>
public sealed record RestIngestionOptions
{
    public required string Bucket { get; init; }
    public required Uri BaseUrl { get; init; }
    public required Uri TokenUrl { get; init; }
    public required IReadOnlyList<ResourceSetting> Resources { get; init; }
    public string OutputPrefix { get; init; } = RestIngestionContract.DefaultOutputPrefix;
    public string StatePrefix { get; init; } = RestIngestionContract.DefaultStatePrefix;
    public int PageSize { get; init; } = RestIngestionContract.DefaultPageSize;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(RestIngestionContract.DefaultRequestTimeoutSeconds);

    /// <summary>Work stops when less than this is left before the deadline; the checkpoint lets the next run resume.</summary>
    public TimeSpan SafetyMargin => RequestTimeout * 2 + TimeSpan.FromSeconds(2);

    public static RestIngestionOptions From(Func<string, string?> environment)
    {
        string Required(string name) => environment(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set");
        Uri Url(string name) => Uri.TryCreate(Required(name), UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? url
            : throw new InvalidOperationException($"{name} is not an absolute http(s) URL: '{environment(name)}'");
        int Number(string name, int fallback) => environment(name) is { Length: > 0 } text
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : throw new InvalidOperationException($"{name} must be a positive whole number, not '{text}'")
            : fallback;

        var baseUrl = Url(RestIngestionContract.BaseUrlVariable);
        return new RestIngestionOptions
        {
            Bucket = Required(RestIngestionContract.BucketVariable),
            BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"),
            TokenUrl = Url(RestIngestionContract.TokenUrlVariable),
            Resources = ResourceSetting.ParseList(Required(RestIngestionContract.ResourcesVariable), RestIngestionContract.ResourcesVariable),
            OutputPrefix = environment(RestIngestionContract.OutputPrefixVariable)?.Trim('/') is { Length: > 0 } output ? output : RestIngestionContract.DefaultOutputPrefix,
            StatePrefix = environment(RestIngestionContract.StatePrefixVariable)?.Trim('/') is { Length: > 0 } state ? state : RestIngestionContract.DefaultStatePrefix,
            PageSize = Number(RestIngestionContract.PageSizeVariable, RestIngestionContract.DefaultPageSize),
            RequestTimeout = TimeSpan.FromSeconds(Number(RestIngestionContract.RequestTimeoutVariable, RestIngestionContract.DefaultRequestTimeoutSeconds)),
        };
    }
}
