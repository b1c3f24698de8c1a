using Pipelines.Declarations.Functions;
using System.Diagnostics;
using System.Globalization;
using DbExtract;
using Lambda.Storage;
using Npgsql;
using Pipelines.LocalServers;

// Extraction of a 1M-row PostgreSQL table to bronze (gzip NDJSON parts) against, in the same run,
// `COPY (SELECT … ORDER BY key) TO STDOUT | gzip` of the same rows. The extraction runs in a child
// process of its own so its peak RSS is its own. Usage: Extract.Bench [rows] (default 1,000,000).
if (args is ["extract", var connection, var folder])
{
    return await ExtractOnce(connection, folder);
}
var smoke = BenchRun.Smoke(ref args);
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : smoke ? 2_000 : 1_000_000;
using var postgres = LocalPostgres.Start();
postgres.CreateDatabase("bench");
var connectionString = postgres.ConnectionString("bench");
await Load(connectionString, rows);
Console.WriteLine($"table order_lines: {rows:N0} rows");

var work = Directory.CreateTempSubdirectory("extract-bench-").FullName;
try
{
    var repeats = smoke ? 1 : 3;
    var copy6 = new List<double>();
    var copy1 = new List<double>();
    var ours = new List<double>();
    var rss = new List<long>();
    for (var i = 0; i < repeats; i++)
    {
        copy6.Add(Shell($"PGPASSWORD={postgres.Password} psql -h 127.0.0.1 -p {postgres.Port} -U postgres -d bench -c \"COPY (SELECT * FROM order_lines ORDER BY order_number, order_line_number) TO STDOUT\" | gzip > {work}/copy.gz"));
        copy1.Add(Shell($"PGPASSWORD={postgres.Password} psql -h 127.0.0.1 -p {postgres.Port} -U postgres -d bench -c \"COPY (SELECT * FROM order_lines ORDER BY order_number, order_line_number) TO STDOUT\" | gzip -1 > {work}/copy1.gz"));
        var (elapsed, peak) = Child(connectionString, Path.Combine(work, $"run{i}"));
        ours.Add(elapsed);
        rss.Add(peak);
    }
    var (m6, m1, mo) = (Measure.Median(copy6), Measure.Median(copy1), Measure.Median(ours));
    Console.WriteLine($"COPY | gzip (level 6)     median {m6,8:F0} ms   [{string.Join(", ", copy6.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"COPY | gzip -1            median {m1,8:F0} ms   [{string.Join(", ", copy1.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"extract function          median {mo,8:F0} ms   [{string.Join(", ", ours.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}]  peak RSS {rss.Max() / 1024} MB");
    Console.WriteLine($"ratio extract / (COPY | gzip)    = {mo / m6:F2}  (target <= 1.5)");
    Console.WriteLine($"ratio extract / (COPY | gzip -1) = {mo / m1:F2}");
    Console.WriteLine($"peak RSS                         = {rss.Max() / 1024} MB  (target <= 256)");
    BenchRun.Ratio("Extract.Bench", "extract / COPY piped to gzip", mo / m6, "<= 1.5");
    BenchRun.Ratio("Extract.Bench", "peak RSS / 256 MB", rss.Max() / 1024.0 / 256, "<= 1.0");
    BenchRun.Growth("database extract", $"{rows:N0} rows", rows, mo, rss.Max() / 1024.0);
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task Load(string connectionString, int rows)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandTimeout = 0;
    // Shaped like the course's order lines, with the text and timestamp columns a real table has.
    command.CommandText = $"""
        CREATE TABLE order_lines (
          order_number BIGINT NOT NULL, order_line_number BIGINT NOT NULL, product_code VARCHAR(255),
          quantity_ordered BIGINT, price_each DECIMAL(14,2), status VARCHAR(255), updated_at TIMESTAMP,
          PRIMARY KEY (order_number, order_line_number));
        INSERT INTO order_lines
        SELECT 10100 + n / 9, n % 9 + 1, 'S18_' || (1000 + n % 110), 10 + n % 57, (n % 9000) / 100.0 + 15,
               (ARRAY['Shipped','Resolved','Cancelled','On Hold'])[1 + n % 4], TIMESTAMP '2003-01-06' + n * INTERVAL '1 minute'
        FROM generate_series(0, {rows - 1}) AS n;
        """;
    await command.ExecuteNonQueryAsync();
    command.CommandText = "CREATE TABLE warm_up AS SELECT * FROM order_lines LIMIT 1000; ALTER TABLE warm_up ADD PRIMARY KEY (order_number, order_line_number)";
    await command.ExecuteNonQueryAsync();
    command.CommandText = "VACUUM ANALYZE order_lines";
    await command.ExecuteNonQueryAsync();
}

static double Shell(string command)
{
    var watch = Stopwatch.StartNew();
    using var process = Process.Start(new ProcessStartInfo("bash", ["-c", "set -o pipefail; " + command]) { UseShellExecute = false })!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"baseline failed ({process.ExitCode})");
    }
    return watch.Elapsed.TotalMilliseconds;
}

static (double ElapsedMs, long PeakRssKb) Child(string connectionString, string folder)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!, ["extract", connectionString, folder]) { UseShellExecute = false, RedirectStandardOutput = true };
    if (Path.GetFileName(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Insert(0, typeof(Measure).Assembly.Location);
    }
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd().Trim().Split(' ');
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"extraction failed ({process.ExitCode})");
    }
    return (double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture));
}

static async Task<int> ExtractOnce(string connectionString, string folder)
{
    // A warm-up extraction of a small table first: this process runs on the JIT, Lambda runs the AOT
    // build, which compiles nothing at run time. The timed run opens its own connection, as psql does.
    await Extract(connectionString, Path.Combine(folder, "warm-up"), "warm_up");
    var watch = Stopwatch.StartNew();
    var result = await Extract(connectionString, folder, "order_lines");
    var elapsed = watch.Elapsed.TotalMilliseconds;
    var peak = BenchRun.PeakKilobytes().ToString(CultureInfo.InvariantCulture);
    Console.WriteLine($"{elapsed.ToString("F0", CultureInfo.InvariantCulture)} {peak} {result.Runs[0].RunRows}");
    return result.Complete ? 0 : 1;
}

static Task<DbExtractResponse> Extract(string connectionString, string folder, string table)
{
    var options = new DbExtractOptions { Bucket = "bronze", Tables = [new TableSetting(table, ExtractMode.Full, null)] };
    var handler = new DbExtractHandler(new FileObjectStore(folder), async cancellationToken =>
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }, SourceEngine.PostgreSql, options, TimeProvider.System);
    return handler.HandleAsync(new DbExtractRequest(), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
}
