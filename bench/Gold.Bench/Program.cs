using System.Diagnostics;
using System.Globalization;
using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.DuckDb;

// All of a course's gold models on DuckDB from generated silver, at each scale given (default 1 and 10):
// the time of the models alone (silver is built first, untimed), median of three, and how it grows.
// Usage: Gold.Bench [course] [scale...]
var smoke = BenchRun.Smoke(ref args);
var course = args.Length > 0 ? args[0] : "course4";
var scales = args.Length > 1 ? args[1..].Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray() : smoke ? [0.05, 0.5] : [1.0, 10.0];
double? first = null;
foreach (var scale in scales)
{
    var work = Directory.CreateTempSubdirectory("gold-bench-").FullName;
    try
    {
        var data = new CourseData(new GeneratorSettings(Scale: scale));
        DatasetFiles.Write(data, Path.Combine(work, "bronze"), DataFormats.Ndjson);
        var times = new List<double>();
        long factRows = 0;
        for (var i = 0; i < (smoke ? 1 : 3); i++)
        {
            using var tables = new DuckDbTables();
            foreach (var dataset in SilverDatasets.All)
            {
                var silver = Path.Combine(work, "silver", dataset.Name);
                if (i == 0)
                {
                    SilverTransform.Run(dataset, [Path.Combine(work, "bronze", "ndjson", $"{dataset.Name}.ndjson")], silver, Path.Combine(work, "quarantine", dataset.Name));
                }
                GoldRunner.LoadSilver(tables, dataset.Name, silver);
            }
            var watch = Stopwatch.StartNew();
            var built = GoldRunner.Run(tables, GoldModels.ForCourse(course));
            times.Add(watch.Elapsed.TotalMilliseconds);
            factRows = built.Where(b => b.Model == "fact_orders").Select(b => b.Rows).FirstOrDefault();
        }
        var median = Measure.Median(times);
        first ??= median;
        Console.WriteLine($"{course} scale {scale,5}: {factRows,9:N0} fact rows, models median {median,7:F0} ms  [{string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}]  x{median / first.Value:F1} of the first scale");
        // Scales run smallest first, so the process's peak so far is this scale's (building its silver included).
        BenchRun.Growth($"{course} gold models", $"scale {scale}", factRows, median, BenchRun.PeakMegabytes());
        if (scale != scales[0])
        {
            BenchRun.Ratio("Gold.Bench", $"{course} models, time at scale {scale} / at {scales[0]} (data x{scale / scales[0]:F0})", median / first.Value, $"<= {scale / scales[0]:F0} (linear)");
        }
    }
    finally
    {
        Directory.Delete(work, recursive: true);
    }
}
