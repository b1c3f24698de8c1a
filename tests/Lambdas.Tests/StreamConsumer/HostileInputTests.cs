using Lambda.Storage;
using System.Text;
using System.Text.Json;
using Lambda.Events;
using Lambdas.Tests.Support;
using StreamConsumer;

namespace Lambdas.Tests.StreamConsumer;

/// <summary>One bad record never fails its batch; a bad event is refused with a clear error; a store timeout is a retry, not a crash.</summary>
public sealed class HostileInputTests
{
    private const string Bucket = "bronze";
    private readonly MemoryObjectStore _store = new();

    private StreamConsumerHandler Handler(IObjectStore? store = null) => new(store ?? _store, new StreamConsumerOptions { Bucket = Bucket });

    private JsonElement[] Quarantined() =>
        [.. _store.AllLines($"{Bucket}/quarantine/").Select(line => JsonDocument.Parse(line).RootElement)];

    public static TheoryData<string, string> BadRecords => new()
    {
        { """{"session_id":"\ud800","customer_number":1,"city":"x","country":"USA","credit_limit":1,"browse_history":[]}""", "" },
        { """{"session_id":"s","customer_number":1,"city":"\udfff bad","country":"Peru","credit_limit":1,"browse_history":[]}""", "" },
        {
            """{"session_id":"s","customer_number":1,"city":"x","country":"USA","credit_limit":1,"browse_history":[{"product_code":"a","quantity":9223372036854775807,"in_shopping_cart":true},{"product_code":"b","quantity":1,"in_shopping_cart":false}]}""",
            "'browse_history' quantities add up beyond a 64-bit integer"
        },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task OneBadRecord_IsQuarantinedWithItsReason_AndTheRestAreStored(string bad, string reason)
    {
        var outcome = await Handler().HandleAsync(KinesisBatch.Of(KinesisBatch.Session("good1"), bad, KinesisBatch.Session("good2", "Chile")), CancellationToken.None);

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal((3, 2, 1, 0), (outcome.Received, outcome.Written, outcome.Quarantined, outcome.Failed));
        var entry = Assert.Single(Quarantined());
        Assert.Equal(KinesisBatch.Sequence(1), entry.GetProperty("_sequence_number").GetString());
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(bad)), entry.GetProperty("data").GetString());
        Assert.Contains(reason, entry.GetProperty("reason").GetString());
        Assert.All(_store.AllLines($"{Bucket}/sessions/"), line => Assert.StartsWith("{", line));
    }

    [Fact]
    public async Task RecordWithNullData_IsQuarantined()
    {
        var batch = KinesisBatch.Of(KinesisBatch.Session("good"), "placeholder");
        var nullData = batch.Records[1] with { Kinesis = batch.Records[1].Kinesis with { Data = null! } };

        var outcome = await Handler().HandleAsync(batch with { Records = [batch.Records[0], nullData] }, CancellationToken.None);

        Assert.Equal((2, 1, 1, 0), (outcome.Received, outcome.Written, outcome.Quarantined, outcome.Failed));
        Assert.Equal(JsonValueKind.Null, Assert.Single(Quarantined()).GetProperty("data").ValueKind);
    }

    [Theory]
    [InlineData("""{"Records":null}""", "has no Records array")]
    [InlineData("""{"Records":[null]}""", "Records[0] has no kinesis.sequenceNumber")]
    public async Task EventThatIsNotAKinesisBatch_IsAClearError(string json, string message)
    {
        var batch = JsonSerializer.Deserialize(json, KinesisJsonContext.Default.KinesisEvent)!;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Handler().HandleAsync(batch, CancellationToken.None));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void EmptyObject_IsRefusedWhenRead_NamingRecords()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{}", KinesisJsonContext.Default.KinesisEvent));

        Assert.Contains("Records", error.Message);
    }

    [Fact]
    public async Task StoreTimeout_IsReportedAsABatchFailure_NotAnException()
    {
        var outcome = await Handler(new TimingOutStore()).HandleAsync(KinesisBatch.Of(KinesisBatch.Session("s1")), CancellationToken.None);

        Assert.Equal(KinesisBatch.Sequence(0), Assert.Single(outcome.Response.BatchItemFailures).ItemIdentifier);
        Assert.Equal((1, 0, 0, 1), (outcome.Received, outcome.Written, outcome.Quarantined, outcome.Failed));
        Assert.Contains("TaskCanceledException", outcome.FailureReason);
    }

    [Fact]
    public async Task TheInvocationsOwnDeadline_StillEndsIt()
    {
        using var deadline = new CancellationTokenSource();
        var store = new TimingOutStore(deadline);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Handler(store).HandleAsync(KinesisBatch.Of(KinesisBatch.Session("s1")), deadline.Token));
    }

    /// <summary>Fails as the AWS SDK does when its HTTP timeout fires; optionally the invocation's deadline passes at the same moment.</summary>
    private sealed class TimingOutStore(CancellationTokenSource? deadline = null) : IObjectStore
    {
        public Task<byte[]?> GetAsync(string bucket, string key, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

        public Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
        {
            deadline?.Cancel();
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");
        }
    }
}
