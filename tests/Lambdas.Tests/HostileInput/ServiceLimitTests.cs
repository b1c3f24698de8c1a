using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Events;
using Lambdas.Tests.Support;
using Pipelines.Declarations.Lakehouse;
using SilverTransform;
using StreamConsumer;
using WindowedAggregates;

namespace Lambdas.Tests.HostileInput;

/// <summary>The functions at the services' limits: Lambda's 6 MB request, Step Functions' 256 KiB task result.</summary>
public sealed class ServiceLimitTests : IDisposable
{
    /// <summary>Lambda's largest synchronous request (an event source mapping's batch included): 6 MB.</summary>
    private const int LambdaRequestLimitBytes = 6 * 1024 * 1024;

    /// <summary>Step Functions' largest task result, state input or output: 256 KiB of UTF-8.</summary>
    private const int StepFunctionsPayloadLimitBytes = 256 * 1024;

    private readonly string _work = Directory.CreateTempSubdirectory("service-limits-").FullName;

    /// <summary>Records of about 1 MB each (Kinesis's largest record) until the event is just under Lambda's limit.</summary>
    private static KinesisEvent BatchAtTheRequestLimit(Func<int, string, string> record)
    {
        var payloads = new List<string>();
        while (true)
        {
            var next = KinesisBatch.Of([.. payloads, record(payloads.Count, new string('x', 900_000))]);
            if (JsonSerializer.SerializeToUtf8Bytes(next, KinesisJsonContext.Default.KinesisEvent).Length > LambdaRequestLimitBytes)
            {
                return KinesisBatch.Of([.. payloads]);
            }
            payloads.Add(record(payloads.Count, new string('x', 900_000)));
        }
    }

    [Fact]
    public async Task The_consumer_stores_a_batch_at_lambdas_request_limit_whole()
    {
        var batch = BatchAtTheRequestLimit((i, padding) => KinesisBatch.Session($"s{i}", padding[..64]).Replace("\"city\":\"Nantes\"", $"\"city\":\"{padding}\"", StringComparison.Ordinal));
        Assert.InRange(JsonSerializer.SerializeToUtf8Bytes(batch, KinesisJsonContext.Default.KinesisEvent).Length, LambdaRequestLimitBytes - 1_300_000, LambdaRequestLimitBytes);
        var store = new MemoryObjectStore();

        var outcome = await new StreamConsumerHandler(store, new StreamConsumerOptions { Bucket = "bronze" }).HandleAsync(batch, CancellationToken.None);

        Assert.Equal((batch.Records.Count, batch.Records.Count, 0, 0), (outcome.Received, outcome.Written, outcome.Quarantined, outcome.Failed));
        Assert.Equal(batch.Records.Count, store.AllLines("bronze/sessions/").Count());
    }

    [Fact]
    public async Task The_windowed_aggregates_count_a_batch_at_lambdas_request_limit_and_quarantine_its_oversized_device_types()
    {
        var batch = BatchAtTheRequestLimit((i, padding) =>
            $$"""{"order_id":"o{{i}}","device_type":"{{(i % 2 == 0 ? "mobile" : padding)}}","quantity":1,"total_price":2.50,"notes":"{{padding}}"}""");
        var store = new MemoryObjectStore();

        var response = await new WindowedAggregatesHandler(store, new("gold", "stream_aggregates/orders", "bronze", "quarantine/order_events")).HandleAsync(new KinesisTimeWindowEvent
        {
            Records = batch.Records,
            Window = new(KinesisBatch.Arrival, KinesisBatch.Arrival.AddMinutes(5)),
            ShardId = KinesisBatch.Shard,
        }, CancellationToken.None);

        var counted = (batch.Records.Count + 1) / 2;
        Assert.Equal($"{counted}", response.State["orders"]);
        Assert.Equal(batch.Records.Count - counted, store.AllLines("bronze/quarantine/").Count());
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(response, TumblingWindowJsonContext.Default.TimeWindowEventResponse).Length < 1024 * 1024);
    }

    [Fact]
    public async Task Silvers_answer_with_every_partition_of_the_declared_range_fits_a_step_functions_task_result()
    {
        var partition = Assert.Single(SilverDatasets.All.Single(d => d.Name == "orders").Partitions);
        var years = Enumerable.Range(partition.RangeFrom, partition.RangeTo - partition.RangeFrom + 1).ToList();
        // Three orders a year, numbered anew: the generated orders are fewer, and some are spoiled; each year needs one that is not.
        var orders = BronzeRun.Orders(int.MaxValue);
        var lines = Enumerable.Range(0, 3 * years.Count).Select(i =>
        {
            var row = JsonNode.Parse(orders[i % orders.Count])!.AsObject();
            row["order_number"] = 1_000_000 + i;
            row["order_date"] = $"{years[i % years.Count]}-06-01";
            return row.ToJsonString();
        }).ToList();
        var store = BronzeRun.Run(lines);
        var handler = new SilverTransformHandler(store, SilverDatasets.All, new SilverTransformOptions("bronze", "silver", "quarantine/silver", _work));

        var response = await handler.HandleAsync(new SilverTransformRequest { Dataset = "orders", Manifest = BronzeRun.Manifest }, CancellationToken.None);

        Assert.Equal(years.Count, response.Objects.Count);
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(response, SilverTransformJson.Default.SilverTransformResponse).Length < StepFunctionsPayloadLimitBytes / 4,
            "a quarter of the limit at most: room for every dataset's partitions and the state's other fields");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
