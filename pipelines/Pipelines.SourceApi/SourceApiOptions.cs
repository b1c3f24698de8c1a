using Pipelines.Generator;

namespace Pipelines.SourceApi;

/// <summary>What the API serves and to whom. Port 0 picks a free port; the server binds 127.0.0.1 only.</summary>
public sealed record SourceApiOptions(CourseData Data)
{
    public int Port { get; init; }
    public string ClientId { get; init; } = "course-client";
    public string ClientSecret { get; init; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);
    public int DefaultLimit { get; init; } = 100;
    public int MaxLimit { get; init; } = 1000;
}
