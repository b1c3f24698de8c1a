using Pipelines.Local;

namespace Pipelines.Tests.Local;

/// <summary>The two other ways a local run goes: real servers read by the functions' handlers, and the AOT bootstraps behind the emulator.</summary>
public sealed class LocalHostsTests : IDisposable
{
    private const double Scale = 0.2;
    private readonly string _state = Directory.CreateTempSubdirectory("local-hosts-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);


    private Task<RunReport> RunAsync(LocalRunOptions options) => LocalRunner.RunAsync(options with { Scale = Scale }, new StepRecorder(), CancellationToken.None);

    [Fact]
    public async Task With_servers_the_extract_and_rest_handlers_read_mariadb_and_the_api_and_gold_is_the_same()
    {
        var embedded = await RunAsync(new LocalRunOptions("course4", Path.Combine(_state, "embedded")));
        var served = await RunAsync(new LocalRunOptions("course4", Path.Combine(_state, "served")) { WithServers = true, ProjectRoot = Repository.Root });

        Assert.All(served.Reconciliation, line => Assert.True(line.Reconciles, line.ToString()));
        Assert.Equal(embedded.Gold, served.Gold);
        Assert.Contains(served.Steps, step => step.Step == "ExtractApi");
        // The buckets were an S3-compatible server's: no store folder, and silver read from a copy of its objects.
        var course = Path.Combine(_state, "served", "course4", "course4");
        Assert.False(Directory.Exists(Path.Combine(course, "store")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(course, "mirror", "silver"), "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_emulator_runs_the_published_silver_bootstrap_with_the_same_result()
    {
        LambdaPackage.EnsureBuilt();
        var inProcess = await RunAsync(new LocalRunOptions("course3", Path.Combine(_state, "in-process")));
        var emulated = await RunAsync(new LocalRunOptions("course3", Path.Combine(_state, "emulated")) { Host = FunctionHost.Emulator, ProjectRoot = Repository.Root });

        Assert.Equal(inProcess.Reconciliation, emulated.Reconciliation);
        Assert.Equal(inProcess.Gold, emulated.Gold);
    }

    [Fact]
    public async Task Course3_with_servers_compares_its_queries_on_the_row_store_and_on_columnar_parquet()
    {
        var report = await RunAsync(new LocalRunOptions("course3", Path.Combine(_state, "storage")) { WithServers = true, ProjectRoot = Repository.Root });

        Assert.Equal(["ratings_per_product", "sales_report"], report.Storage.Select(s => s.Query));
        Assert.All(report.Storage, line =>
        {
            Assert.Equal(report.Gold.Single(g => g.Model == line.Query).Rows, line.RowStoreRows);
            Assert.Equal(line.RowStoreRows, line.ColumnarRows);
            Assert.True(line.ColumnarBytes > 0 && line.ColumnarBytes < line.RowStoreBytes, line.ToString());
        });
    }

    [Fact]
    public async Task Course2_with_servers_streams_sessions_through_the_poller_into_the_consumer_and_reconciles()
    {
        var report = await RunAsync(new LocalRunOptions("course2", Path.Combine(_state, "stream")) { WithServers = true, ProjectRoot = Repository.Root });

        var stream = Assert.Single(report.Streams);
        Assert.True(stream.Reconciles, stream.ToString());
        Assert.True(stream.Produced > 0);
        Assert.Equal(stream.Produced, stream.Written);
    }
}
