using Pipelines.Declarations.Functions;
using System.Data.Common;
using System.Text.Json;
using DbExtract;
using Lambdas.Tests.Support;

namespace Lambdas.Tests.DbExtract;

/// <summary>One extract set-up: a source database, an in-memory bucket that can fail, a clock that moves a second per write.</summary>
public sealed class DbExtractRig(Func<CancellationToken, Task<DbConnection>> connect, SourceEngine engine, IEnumerable<TableSetting> tables, int chunkRows = 50)
{
    public const string Bucket = "bronze";

    public MemoryObjectStore Store { get; } = new();
    public DbExtractOptions Options { get; } = new() { Bucket = Bucket, Tables = [.. tables], ChunkRows = chunkRows, SafetyMargin = TimeSpan.FromSeconds(5) };
    public Func<CancellationToken, Task<DbConnection>> Connect { get; } = connect;
    private readonly ManualClock _clock = new();

    public Task<DbExtractResponse> RunAsync(string[]? tables = null, TimeSpan? timeLeft = null)
    {
        var handler = new DbExtractHandler(new ClockedStore(Store, _clock), Connect, engine, Options, _clock);
        return handler.HandleAsync(new DbExtractRequest { Tables = tables?.ToList() }, _clock.GetUtcNow() + (timeLeft ?? TimeSpan.FromMinutes(15)), CancellationToken.None);
    }

    public List<ExtractManifest> Manifests(string table) =>
        [.. Store.Objects.Where(o => o.Key.StartsWith($"{Bucket}/{Options.OutputPrefix}/{table}/", StringComparison.Ordinal) && o.Key.EndsWith("/_manifest.json", StringComparison.Ordinal))
            .OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => JsonSerializer.Deserialize(o.Value, DbExtractJson.Default.ExtractManifest)!)];

    /// <summary>The rows the finished runs account for, as JSON objects.</summary>
    public List<JsonElement> Rows(string table) =>
        [.. Manifests(table).SelectMany(m => m.Parts).SelectMany(part => Store.Lines($"{Bucket}/{part.Key}")).Select(line => JsonDocument.Parse(line).RootElement)];

    /// <summary>Every part object under the table is listed by exactly one manifest.</summary>
    public void AssertNoStrayParts(string table)
    {
        var listed = Manifests(table).SelectMany(m => m.Parts.Select(p => $"{Bucket}/{p.Key}")).ToList();
        var stored = Store.Objects.Keys.Where(k => k.StartsWith($"{Bucket}/{Options.OutputPrefix}/{table}/", StringComparison.Ordinal) && k.EndsWith(".ndjson.gz", StringComparison.Ordinal));
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(stored.Order(), listed.Order());
    }
}
