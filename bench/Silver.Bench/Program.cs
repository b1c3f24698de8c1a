using System.Diagnostics;
using System.Globalization;
using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.Declarations.Sql;
using Pipelines.DuckDb;

// The silver transform against two baselines on the same input, in the same run, same settings (2 threads, 200 MB
// memory limit): DuckDB's plain `COPY (SELECT … FROM read_json(…, columns = {typed})) TO … (FORMAT parquet)` (less work:
// target >= 0.6), and silver's whole job written by hand in DuckDB (HandWrittenSilver, equal work, its output checked
// to equal the transform's: target >= 0.95). Ratio = baseline time / transform time. Input: generated order lines
// (about 1M at scale 345). Medians of five, the three interleaved.
// Usage: Silver.Bench [scale]
// `Silver.Bench rss [scale]` instead measures the peak RSS of one transform in a child process (scale 3100 ≈ 1 GiB of input).
if (args is ["transform", var inputFile, var output])
{
    var schemaData = new CourseData(new GeneratorSettings());
    // Overrides for experiments; by default the transform chooses by input size.
    int? threads = Environment.GetEnvironmentVariable("SILVER_THREADS") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : null;
    var memory = Environment.GetEnvironmentVariable("SILVER_MEMORY");
    var counts = SilverTransform.Run(SilverDatasets.All.Single(d => d.Name == "orderdetails"), [inputFile], Path.Combine(output, "silver"), Path.Combine(output, "quarantine"), threads, memory);
    var peak = BenchRun.PeakKilobytes().ToString(CultureInfo.InvariantCulture);
    Console.WriteLine($"{peak} {counts}");
    return 0;
}
var smoke = BenchRun.Smoke(ref args);
var measureRss = args.Length > 0 && args[0] == "rss";
if (measureRss)
{
    args = args[1..];
}
var scale = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : smoke ? 0.5 : measureRss ? 3100 : 345;
var data = new CourseData(new GeneratorSettings(Scale: scale));
var dataset = SilverDatasets.All.Single(d => d.Name == "orderdetails");
var work = Directory.CreateTempSubdirectory("silver-bench-").FullName;
try
{
    var input = Path.Combine(work, "orderdetails.ndjson");
    var watch = Stopwatch.StartNew();
    using (var file = File.Create(input))
    {
        NdjsonWriter.Write(dataset.Source, data["orderdetails"].Rows(), file);
    }
    Console.WriteLine($"input: {data["orderdetails"].RowCount:N0} lines, {new FileInfo(input).Length / 1048576.0:F0} MiB (generated in {watch.Elapsed.TotalSeconds:F1} s)");

    if (measureRss)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, ["transform", input, Path.Combine(work, "out")]) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileName(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Insert(0, typeof(Measure).Assembly.Location);
        }
        var child = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var parts = line.Split(' ', 2);
        Console.WriteLine($"one transform of {new FileInfo(input).Length / 1048576.0:F0} MiB in a child process: {child.Elapsed.TotalSeconds:F1} s, peak RSS {long.Parse(parts[0], CultureInfo.InvariantCulture) / 1024} MB (target <= 256)  {parts[1]}");
        BenchRun.Ratio("Silver.Bench rss", "peak RSS / 256 MB", long.Parse(parts[0], CultureInfo.InvariantCulture) / 1024.0 / 256, "<= 1.0");
        BenchRun.Growth("silver transform", $"scale {scale}", data["orderdetails"].RowCount, child.Elapsed.TotalMilliseconds, long.Parse(parts[0], CultureInfo.InvariantCulture) / 1024.0);
        return process.ExitCode;
    }
    var baseline = new List<double>();
    var equalWork = new List<double>();
    var ours = new List<double>();
    HandWrittenSilver.Counts? handCounts = null;
    var (handSilver, handQuarantine) = (Path.Combine(work, "hand.parquet"), Path.Combine(work, "hand-rejected.ndjson"));
    SilverCounts? counts = null;
    for (var i = 0; i < (smoke ? 1 : 5); i++)
    {
        watch.Restart();
        using (var duck = new DuckDbTables())
        {
            duck.Execute("SET threads = 2; SET memory_limit = '200MB'");
            var columns = string.Join(", ", dataset.Source.Columns.Select(c => $"{QualitySql.Literal(c.Name)}: {QualitySql.Literal(DuckDbTables.TypeOf(c.Type))}"));
            duck.Execute($"COPY (SELECT * FROM read_json({QualitySql.Literal(input)}, format = 'newline_delimited', columns = {{{columns}}})) TO {QualitySql.Literal(Path.Combine(work, "baseline.parquet"))} (FORMAT parquet, COMPRESSION zstd)");
        }
        baseline.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        handCounts = HandWrittenSilver.Run(input, handSilver, handQuarantine);
        equalWork.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        counts = SilverTransform.Run(dataset, [input], Path.Combine(work, "silver"), Path.Combine(work, "quarantine"));
        ours.Add(watch.Elapsed.TotalMilliseconds);
    }
    // The equal-work baseline counts only if it did the same work: the same silver rows and the same rejections.
    var differences = HandWrittenSilver.Differences(Path.Combine(work, "silver", "part-00000.parquet"), Path.Combine(work, "quarantine", SilverTransform.QuarantineFile), handSilver, handQuarantine);
    if (differences.Count > 0 || handCounts!.In != counts!.In || handCounts.Out != counts.Out || handCounts.Quarantined != counts.Quarantined)
    {
        Console.Error.WriteLine($"error: the hand-written silver differs from the transform: {string.Join("; ", differences)} (hand {handCounts}, transform {counts})");
        return 1;
    }
    var (b, e, o) = (Measure.Median(baseline), Measure.Median(equalWork), Measure.Median(ours));
    Console.WriteLine($"DuckDB COPY read_json -> parquet  median {b,7:F0} ms  [{string.Join(", ", baseline.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"silver by hand in DuckDB (equal)  median {e,7:F0} ms  [{string.Join(", ", equalWork.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}]  same rows and rejections as the transform: {handCounts}");
    Console.WriteLine($"silver transform                  median {o,7:F0} ms  [{string.Join(", ", ours.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}]  {counts}");
    Console.WriteLine($"throughput ratio transform / plain COPY = {b / o:F2}  (target >= 0.6)");
    Console.WriteLine($"throughput ratio transform / equal work = {e / o:F2}  (target >= 0.95)");
    BenchRun.Ratio("Silver.Bench", "throughput transform / plain COPY", b / o, ">= 0.6");
    BenchRun.Ratio("Silver.Bench", "throughput transform / equal work by hand", e / o, ">= 0.95");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}
