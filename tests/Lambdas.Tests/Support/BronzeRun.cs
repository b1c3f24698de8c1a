using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Lambda.Storage;
using Pipelines.Declarations.Data;
using Pipelines.Generator;
using Pipelines.Generator.Output;

namespace Lambdas.Tests.Support;

/// <summary>
/// A bronze run of generated orders (or any dataset's rows) as the ingestion functions write it: gzip NDJSON parts and a
/// manifest listing each with its line count.
/// </summary>
public static class BronzeRun
{
    public static readonly CourseData Data = new(new GeneratorSettings(Scale: 0.3, BadRowRate: 0.05));

    public const string Folder = "db/orders/ingest_date=2026-03-01/run=20260301T060000Z-000001";
    public const string Manifest = Folder + "/_manifest.json";

    /// <summary>The first <paramref name="count"/> generated orders as NDJSON lines.</summary>
    public static List<string> Orders(int count) => Lines("orders", count);

    /// <summary>The first <paramref name="count"/> generated rows of a dataset as NDJSON lines.</summary>
    public static List<string> Lines(string dataset, int count)
    {
        var rows = Data[dataset];
        return [.. rows.Rows().Take(count).Select(row => Encoding.UTF8.GetString(NdjsonWriter.Line(rows.Schema, row)))];
    }

    /// <summary>The run's manifest under a dataset's bronze prefix.</summary>
    public static string ManifestUnder(string bronzePrefix) => $"{bronzePrefix}/{Folder[(Folder.IndexOf("/ingest_date=", StringComparison.Ordinal) + 1)..]}/_manifest.json";

    public static MemoryObjectStore Run(params IReadOnlyList<string>[] parts) =>
        OfBytes([.. parts.Select(lines => (IReadOnlyList<byte[]>)[.. lines.Select(Encoding.UTF8.GetBytes)])]);

    /// <summary>Every generated order, in two parts.</summary>
    public static void Write(IObjectStore store, string bucket)
    {
        var orders = Data["orders"];
        var lines = orders.Rows().Select(row => NdjsonWriter.Line(orders.Schema, row)).ToList();
        Write(store, bucket, [.. lines.Chunk(lines.Count / 2 + 1).Select(chunk => (IReadOnlyList<byte[]>)chunk)]);
    }

    /// <summary>Parts whose lines may be any bytes but a line break, in a new store's bucket <c>bronze</c>.</summary>
    public static MemoryObjectStore OfBytes(IReadOnlyList<IReadOnlyList<byte[]>> parts, string manifest = Manifest)
    {
        var store = new MemoryObjectStore();
        Write(store, "bronze", parts, manifest);
        return store;
    }

    private static void Write(IObjectStore store, string bucket, IReadOnlyList<IReadOnlyList<byte[]>> parts, string manifest = Manifest)
    {
        var folder = manifest[..manifest.LastIndexOf('/')];
        var entries = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var key = $"{folder}/part-{i + 1:D5}.ndjson.gz";
            Put(store, bucket, key, Gzip(parts[i]));
            entries.Add($$"""{"key":"{{key}}","rows":{{parts[i].Count(line => !NdjsonLines.IsBlank(line))}}}""");
        }
        Put(store, bucket, manifest, Encoding.UTF8.GetBytes($$"""{"table":"orders","parts":[{{string.Join(',', entries)}}]}"""));
    }

    private static void Put(IObjectStore store, string bucket, string key, byte[] content) =>
        store.PutAsync(bucket, key, content, "application/octet-stream", CancellationToken.None).GetAwaiter().GetResult();

    public static List<JsonObject> Quarantined(MemoryObjectStore store) =>
        [.. store.Objects.Where(o => o.Key.StartsWith("bronze/quarantine/", StringComparison.Ordinal))
            .SelectMany(o => Encoding.UTF8.GetString(o.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(line => JsonNode.Parse(line)!.AsObject())];

    private static byte[] Gzip(IReadOnlyList<byte[]> lines)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var line in lines)
            {
                gzip.Write(line);
                gzip.WriteByte((byte)'\n');
            }
        }
        return buffer.ToArray();
    }
}
