using Lambda.Storage;
using Pipelines.Declarations.Lakehouse;

namespace SilverTransform;

/// <summary>Where the handler reads and writes.</summary>
public sealed record SilverTransformOptions(string BronzeBucket, string SilverBucket, string QuarantinePrefix, string WorkFolder);

/// <summary>
/// One bronze run of one dataset to silver: copy the run's objects to local disk, run the dataset's silver
/// SQL on DuckDB, upload the Parquet files as <c>{dataset}/{partitions}/{run}-part-0.parquet</c> (the run in the
/// file's name, so the partition folders are the table's only partitions and runs sit side by side) and the
/// rejected rows under the quarantine prefix. Keys depend only on the run and the data, so a re-run replaces.
/// </summary>
public sealed class SilverTransformHandler(IObjectStore store, IReadOnlyList<SilverDataset> datasets, SilverTransformOptions options)
{
    public async Task<SilverTransformResponse> HandleAsync(SilverTransformRequest request, CancellationToken cancellationToken)
    {
        var dataset = datasets.FirstOrDefault(d => d.Name == request.Dataset)
            ?? throw new ArgumentException($"no silver dataset '{request.Dataset}': known are {string.Join(", ", datasets.Select(d => d.Name))}");
        if (!request.Manifest.StartsWith(dataset.BronzePrefix + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"manifest '{request.Manifest}' is not under {dataset.Name}'s bronze prefix {dataset.BronzePrefix}/");
        }
        var run = BronzeManifest.Run(request.Manifest);
        var manifest = await store.GetAsync(options.BronzeBucket, request.Manifest, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"no manifest {request.Manifest} in {options.BronzeBucket}");
        var work = Path.Combine(options.WorkFolder, $"{dataset.Name}-{run}");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
        try
        {
            var input = Directory.CreateDirectory(Path.Combine(work, "bronze")).FullName;
            var files = new List<string>();
            foreach (var (key, listed) in BronzeManifest.Parts(manifest, request.Manifest))
            {
                var content = await store.GetAsync(options.BronzeBucket, key, cancellationToken).ConfigureAwait(false)
                    ?? throw new FileNotFoundException($"the manifest lists {key}, which is not in {options.BronzeBucket}");
                // Counted independently of the read: a part cut short or changed after its manifest was written is an error, never a smaller total.
                var held = BronzeManifest.CountLines(key, content);
                if (listed is { } expected && held != expected)
                {
                    throw new InvalidDataException($"{request.Manifest} lists {expected} lines in {key}, but the part holds {held}: it is truncated or was changed after the run");
                }
                if (held == 0)
                {
                    // An empty part (a page with no records, a table with no rows) holds nothing to read.
                    continue;
                }
                var file = Path.Combine(input, $"{files.Count:D5}-{Path.GetFileName(key)}");
                await File.WriteAllBytesAsync(file, content, cancellationToken).ConfigureAwait(false);
                files.Add(file);
            }
            if (files.Count == 0)
            {
                return new SilverTransformResponse(dataset.Name, run, 0, 0, 0, 0, []);
            }
            var silver = Path.Combine(work, "silver");
            var quarantine = Path.Combine(work, "quarantine");
            var counts = Pipelines.DuckDb.SilverTransform.Run(dataset, files, silver, quarantine);
            var objects = new List<string>();
            foreach (var file in Directory.GetFiles(silver, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(silver, file).Replace('\\', '/');
                var folder = Path.GetDirectoryName(relative)?.Replace('\\', '/');
                var key = string.IsNullOrEmpty(folder)
                    ? $"{dataset.Name}/{run}-{Path.GetFileName(relative)}"
                    : $"{dataset.Name}/{folder}/{run}-{Path.GetFileName(relative)}";
                await store.PutAsync(options.SilverBucket, key, await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), "application/vnd.apache.parquet", cancellationToken).ConfigureAwait(false);
                objects.Add(key);
            }
            if (counts.Quarantined > 0)
            {
                await store.PutAsync(options.BronzeBucket, $"{options.QuarantinePrefix}/{dataset.Name}/run={run}/{Pipelines.DuckDb.SilverTransform.QuarantineFile}",
                    await File.ReadAllBytesAsync(Path.Combine(quarantine, Pipelines.DuckDb.SilverTransform.QuarantineFile), cancellationToken).ConfigureAwait(false),
                    "application/x-ndjson", cancellationToken).ConfigureAwait(false);
            }
            return new SilverTransformResponse(dataset.Name, run, counts.In, counts.Out, counts.Duplicates, counts.Quarantined, objects);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
