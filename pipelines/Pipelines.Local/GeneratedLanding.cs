using System.Text.Json;
using Lambda.Storage;
using Pipelines.Generator;
using Pipelines.Generator.Output;
using Pipelines.Declarations.Orchestration;

namespace Pipelines.Local;

/// <summary>
/// The embedded stand-in for the database and the API: the generator's rows land in bronze exactly where
/// and how the extract functions put them (gzip NDJSON parts or pages under source, ingest date and run,
/// and a manifest listing them), so everything after the extract runs unchanged.
/// </summary>
public static class GeneratedLanding
{
    public const int RowsPerPart = 50_000;

    /// <summary>A record no schema accepts: what a broken producer sends. Only an injected fault lands it.</summary>
    public static readonly byte[] PoisonRecord = "{\"poison\": \"a record cut short by its producer\""u8.ToArray();

    public static async Task<LandedRun> LandAsync(IObjectStore store, string bucket, ExtractStep step, DatasetGenerator dataset, DateTimeOffset now,
        bool poisoned, CancellationToken cancellationToken)
    {
        var name = dataset.Schema.Name;
        var folder = $"{step.BronzePrefix}/{name}/ingest_date={RunNames.IngestDate(now)}/run={RunNames.Id(now, 0)}";
        var (kind, file) = step.Source == ExtractSource.Database ? ("parts", "part") : ("pages", "page");
        var entries = new List<(string Key, int Rows)>();
        long rows = 0;
        var chunks = dataset.Rows().Chunk(RowsPerPart).ToList();
        for (var part = 0; part < chunks.Count; part++)
        {
            using var content = new GzipNdjson();
            foreach (var row in chunks[part])
            {
                content.Line(NdjsonWriter.Line(dataset.Schema, row).AsSpan().TrimEnd((byte)'\n'));
            }
            var lines = chunks[part].Length;
            if (poisoned && part == chunks.Count - 1)
            {
                content.Line(PoisonRecord);
                lines++;
            }
            var key = $"{folder}/{file}-{entries.Count + 1:D5}.ndjson.gz";
            await store.PutAsync(bucket, key, content.ToArray(), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
            entries.Add((key, lines));
            rows += lines;
        }
        var manifestKey = $"{folder}/_manifest.json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["dataset"] = name,
            ["run"] = RunNames.Id(now, 0),
            ["rows"] = rows,
            [kind] = entries.Select(entry => new Dictionary<string, object> { ["key"] = entry.Key, ["rows"] = entry.Rows }).ToList(),
        });
        await store.PutAsync(bucket, manifestKey, body, "application/json", cancellationToken).ConfigureAwait(false);
        return new LandedRun(name, manifestKey, rows) { Injected = poisoned ? 1 : 0 };
    }
}

/// <summary>A dataset's run in bronze: its manifest's key and how many rows it holds (including any injected poison).</summary>
public sealed record LandedRun(string Dataset, string Manifest, long Rows)
{
    /// <summary>Records a fault injection added: they count as sent by the source.</summary>
    public int Injected { get; init; }
}
