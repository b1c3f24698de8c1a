using System.Text;
using System.Text.Json;
using Lambda.Events;
using Lambdas.Tests.Support;
using Pipelines.Declarations.Functions;
using RuntimeEmulator;

namespace Lambdas.Tests.EndToEnd;

/// <summary>The Native AOT bootstraps of the Firehose transformation and the tumbling-window function, through the emulator.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class StreamingBootstrapTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private LambdaRuntimeEmulator _emulator = null!;
    private readonly string _store = Directory.CreateTempSubdirectory("streaming-e2e-").FullName;

    public async Task InitializeAsync() => _emulator = await LambdaRuntimeEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_store, recursive: true);
    }

    [Fact]
    public async Task The_recommendations_bootstrap_answers_firehose_with_every_record_id()
    {
        using var process = new BootstrapProcess(LambdaPackage.ExtractBootstrap(RecommendationsContract.Function.Artifact), _emulator.Endpoint, new Dictionary<string, string>());
        var request = new FirehoseTransformationRequest
        {
            Records =
            [
                new FirehoseRecord { RecordId = "a", Data = Convert.ToBase64String(Encoding.UTF8.GetBytes(KinesisBatch.Session("s1", "USA", ("S10_1678", 1, true)))) },
                new FirehoseRecord { RecordId = "b", Data = Convert.ToBase64String("{}"u8.ToArray()) },
            ],
        };

        var result = await _emulator.InvokeAsync(JsonSerializer.SerializeToUtf8Bytes(request, FirehoseJsonContext.Default.FirehoseTransformationRequest), TimeSpan.FromSeconds(10)).WaitAsync(Wait);

        Assert.True(result.Succeeded, result.Body + process.Output);
        var records = JsonDocument.Parse(result.Body).RootElement.GetProperty("records");
        Assert.Equal(["a:Ok", "b:ProcessingFailed"], records.EnumerateArray().Select(r => $"{r.GetProperty("recordId").GetString()}:{r.GetProperty("result").GetString()}"));
        Assert.Contains("RecordsFailed", process.Output);
    }

    [Fact]
    public async Task The_windowed_aggregates_bootstrap_writes_the_window_at_its_final_invocation()
    {
        using var process = new BootstrapProcess(LambdaPackage.ExtractBootstrap(WindowedAggregatesContract.Function.Artifact), _emulator.Endpoint, new Dictionary<string, string>
        {
            ["OBJECT_STORE_ROOT"] = _store,
            [WindowedAggregatesContract.BucketVariable] = "gold",
            [WindowedAggregatesContract.QuarantineBucketVariable] = "bronze",
        });
        var window = new KinesisTimeWindowEvent
        {
            Records = KinesisBatch.Of("""{"order_id":"o1","device_type":"mobile","quantity":2,"total_price":12.5}""").Records,
            Window = new TimeWindow(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero)),
            State = new Dictionary<string, string> { ["orders"] = "1", ["sales"] = "1.5", ["quarantined"] = "0", ["device:desktop"] = "1" },
            ShardId = KinesisBatch.Shard,
            IsFinalInvokeForWindow = true,
        };

        var result = await _emulator.InvokeAsync(JsonSerializer.SerializeToUtf8Bytes(window, TumblingWindowJsonContext.Default.KinesisTimeWindowEvent), TimeSpan.FromSeconds(10)).WaitAsync(Wait);

        Assert.True(result.Succeeded, result.Body + process.Output);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_store, "gold", WindowedAggregatesContract.DefaultOutputPrefix), "*.json", SearchOption.AllDirectories));
        var totals = JsonDocument.Parse(File.ReadAllBytes(file)).RootElement;
        Assert.Equal(2, totals.GetProperty("orders").GetInt64());
        Assert.Equal(14.0m, totals.GetProperty("total_sales").GetDecimal());
        Assert.Equal(1, totals.GetProperty("orders_per_device").GetProperty("mobile").GetInt64());
    }
}
