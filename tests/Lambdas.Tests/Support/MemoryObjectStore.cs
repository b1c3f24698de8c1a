using System.IO.Compression;
using System.Text;
using Lambda.Storage;

namespace Lambdas.Tests.Support;

/// <summary>An object store in memory; <see cref="FailPuts"/> makes the next puts throw, as a flaky S3 would.</summary>
public sealed class MemoryObjectStore : IObjectStore
{
    public Dictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>How many of the next puts fail after how many succeed.</summary>
    public (int SucceedFirst, int ThenFail) FailPuts { get; set; }

    public int Puts { get; private set; }

    public Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        Puts++;
        var (succeed, fail) = FailPuts;
        if (succeed > 0)
        {
            FailPuts = (succeed - 1, fail);
        }
        else if (fail > 0)
        {
            FailPuts = (0, fail - 1);
            throw new HttpRequestException("503 Slow Down");
        }
        Objects[$"{bucket}/{key}"] = content;
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Task.FromResult(Objects.TryGetValue($"{bucket}/{key}", out var content) ? content : null);

    public IReadOnlyList<string> Lines(string path) => Gunzip(Objects[path]);

    /// <summary>The lines of every object under the prefix, gzip or plain.</summary>
    public IEnumerable<string> AllLines(string prefix) =>
        Objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(o => o.Value is [0x1f, 0x8b, ..] ? Gunzip(o.Value) : Encoding.UTF8.GetString(o.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries));

    public static IReadOnlyList<string> Gunzip(byte[] content)
    {
        using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
