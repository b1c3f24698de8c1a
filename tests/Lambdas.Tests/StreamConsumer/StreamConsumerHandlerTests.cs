using Lambda.Storage;
using System.Text.Json;
using Lambdas.Tests.Support;
using Moq;
using StreamConsumer;

namespace Lambdas.Tests.StreamConsumer;

public class StreamConsumerHandlerTests
{
    private const string Bucket = "bronze";
    private static readonly StreamConsumerOptions Options = new() { Bucket = Bucket };
    private static readonly string Partition = "year=2026/month=11/day=24/hour=14";
    private readonly MemoryObjectStore _store = new();

    private StreamConsumerHandler Handler() => new(_store, Options);

    private static string UsaKey => $"{Bucket}/sessions/region=usa/{Partition}/{KinesisBatch.Shard}-{KinesisBatch.Sequence(0)}.ndjson.gz";
    /// <summary>Each route's object is keyed by its first record: s2, the second of the batch.</summary>
    private static string InternationalKey => $"{Bucket}/sessions/region=international/{Partition}/{KinesisBatch.Shard}-{KinesisBatch.Sequence(1)}.ndjson.gz";
    private static string QuarantineKey => $"{Bucket}/quarantine/sessions/{Partition}/{KinesisBatch.Shard}-{KinesisBatch.Sequence(0)}.ndjson.gz";

    [Fact]
    public async Task Handle_ValidSessions_AreEnrichedAndRoutedByCountry()
    {
        var batch = KinesisBatch.Of(
            KinesisBatch.Session("s1", "USA", ("p1", 2, true), ("p2", 3, false)),
            KinesisBatch.Session("s2", "France", ("p3", 1, true)),
            KinesisBatch.Session("s3", "USA"));

        var outcome = await Handler().HandleAsync(batch, CancellationToken.None);

        Assert.Equal((3, 3, 0, 0), (outcome.Received, outcome.Written, outcome.Quarantined, outcome.Failed));
        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal([InternationalKey, UsaKey], _store.Objects.Keys.Order(StringComparer.Ordinal));
        var usa = _store.Lines(UsaKey).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["s1", "s3"], usa.Select(s => s.GetProperty("session_id").GetString()));
        Assert.Equal(5, usa[0].GetProperty("overall_product_quantity").GetInt64());
        Assert.Equal(1, usa[0].GetProperty("overall_in_shopping_cart_item").GetInt32());
        Assert.Equal(KinesisBatch.Sequence(0), usa[0].GetProperty("_sequence_number").GetString());
        Assert.Equal("international", JsonDocument.Parse(_store.Lines(InternationalKey).Single()).RootElement.GetProperty("route").GetString());
    }

    [Fact]
    public async Task Handle_MalformedRecords_AreQuarantinedWithReason_AndNotRetried()
    {
        var batch = KinesisBatch.OfRaw(
            Convert.ToBase64String("{\"session_id\":\"x\"}"u8.ToArray()),
            "%%not-base64%%",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(KinesisBatch.Session("ok"))));

        var outcome = await Handler().HandleAsync(batch, CancellationToken.None);

        Assert.Equal((3, 1, 2, 0), (outcome.Received, outcome.Written, outcome.Quarantined, outcome.Failed));
        Assert.Empty(outcome.Response.BatchItemFailures);
        var quarantined = _store.Lines(QuarantineKey).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("missing field 'browse_history'", quarantined[0].GetProperty("reason").GetString());
        Assert.Equal("data is not valid base64", quarantined[1].GetProperty("reason").GetString());
        Assert.Equal("%%not-base64%%", quarantined[1].GetProperty("data").GetString());
        Assert.Equal(KinesisBatch.Sequence(1), quarantined[1].GetProperty("_sequence_number").GetString());
    }

    [Fact]
    public async Task Handle_WriteFails_ReportsTheBatchFromItsFirstRecord_AndCountsWhatWasStored()
    {
        _store.FailPuts = (1, 1);
        var batch = KinesisBatch.Of(KinesisBatch.Session("s1", "USA"), KinesisBatch.Session("s2", "Japan"));

        var outcome = await Handler().HandleAsync(batch, CancellationToken.None);

        Assert.Equal(KinesisBatch.Sequence(0), Assert.Single(outcome.Response.BatchItemFailures).ItemIdentifier);
        Assert.Equal((2, 1, 0, 1), (outcome.Received, outcome.Written, outcome.Quarantined, outcome.Failed));
        Assert.Single(_store.Objects);
        Assert.True(outcome.Reconciles);
        Assert.Contains("503 Slow Down", outcome.FailureReason);
    }

    [Fact]
    public async Task Handle_RetryAfterPartialWrite_OverwritesInsteadOfDuplicating()
    {
        var sessions = Enumerable.Range(0, 10).Select(i => KinesisBatch.Session($"s{i}", i % 3 == 0 ? "Canada" : "USA")).ToArray();
        _store.FailPuts = (1, 1);
        var first = await Handler().HandleAsync(KinesisBatch.Of(sessions), CancellationToken.None);
        Assert.NotEmpty(first.Response.BatchItemFailures);

        // Lambda retries from the reported record; here it also brings two records that arrived meanwhile.
        var retried = await Handler().HandleAsync(KinesisBatch.Of([.. sessions, KinesisBatch.Session("s10"), KinesisBatch.Session("s11", "Peru")]), CancellationToken.None);

        Assert.Empty(retried.Response.BatchItemFailures);
        var ids = _store.AllLines($"{Bucket}/sessions/").Select(l => JsonDocument.Parse(l).RootElement.GetProperty("session_id").GetString()).ToList();
        Assert.Equal(12, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Handle_SameBatchTwice_WritesByteIdenticalObjectsUnderTheSameKeys()
    {
        var batch = KinesisBatch.Of(KinesisBatch.Session("s1"), KinesisBatch.Session("s2", "Chile"), "oops");
        await Handler().HandleAsync(batch, CancellationToken.None);
        var firstRun = _store.Objects.ToDictionary(o => o.Key, o => o.Value);

        await Handler().HandleAsync(batch, CancellationToken.None);

        Assert.Equal(firstRun.Keys.Order(), _store.Objects.Keys.Order());
        Assert.All(firstRun, o => Assert.Equal(o.Value, _store.Objects[o.Key]));
    }

    [Fact]
    public async Task Handle_EmptyBatch_WritesNothing()
    {
        var store = new Mock<IObjectStore>(MockBehavior.Strict);

        var outcome = await new StreamConsumerHandler(store.Object, Options).HandleAsync(new(), CancellationToken.None);

        Assert.Equal(0, outcome.Received);
        Assert.True(outcome.Reconciles);
    }

    [Fact]
    public async Task Handle_UsesTheConfiguredBucketAndContentType()
    {
        var store = new Mock<IObjectStore>();

        await new StreamConsumerHandler(store.Object, Options with { OutputPrefix = "web" }).HandleAsync(KinesisBatch.Of(KinesisBatch.Session("s1")), CancellationToken.None);

        store.Verify(s => s.PutAsync(Bucket, It.Is<string>(k => k.StartsWith("web/region=usa/", StringComparison.Ordinal)), It.IsAny<byte[]>(),
            StreamConsumerHandler.NdjsonGzipContentType, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Handle_Cancelled_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Handler().HandleAsync(KinesisBatch.Of(KinesisBatch.Session("s1")), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Options_MissingBucket_FailsNamingTheVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StreamConsumerOptions.From(_ => null));

        Assert.Contains(Pipelines.Declarations.Functions.StreamConsumerContract.BucketVariable, error.Message);
    }
}
