using System.Text;
using System.Text.Json;
using Lambda.Events;
using Lambdas.Tests.Support;
using Recommendations;

namespace Lambdas.Tests.HostileInput;

/// <summary>
/// The Firehose transformation over the shared hostile generator: every record comes back once with its id, no record
/// fails the request, good sessions come back Ok, Ok data is a JSON object, in = ok + dropped + failed, and the response fits 6 MB.
/// </summary>
public sealed class RecommendationsHostileTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_record_comes_back_once_with_its_id_and_the_counts_reconcile(int seed)
    {
        var hostile = new Hostile(seed);
        var cases = Enumerable.Range(0, 12).Select(i => hostile.Record(KinesisBatch.Session($"s{i}", "Japan", ("S10_1678", 2, true), ("S12_1099", 1, false)))).ToList();
        var request = new FirehoseTransformationRequest
        {
            Records = [.. cases.Select((c, i) => new FirehoseRecord { RecordId = $"r{i}", Data = Convert.ToBase64String(c.Bytes) })],
        };

        var outcome = new RecommendationsHandler(_ => { }).Handle(request);

        Assert.Equal(request.Records.Select(r => r.RecordId), outcome.Response.Records.Select(r => r.RecordId));
        Assert.Equal(cases.Count, outcome.Ok + outcome.Dropped + outcome.Failed);
        Assert.All(outcome.Response.Records, r => Assert.Contains(r.Result, new[] { FirehoseResultRecord.Ok, FirehoseResultRecord.Dropped, FirehoseResultRecord.ProcessingFailed }));
        Assert.All(cases.Zip(outcome.Response.Records).Where(pair => pair.First.Untouched), pair => Assert.Equal(FirehoseResultRecord.Ok, pair.Second.Result));
        Assert.All(outcome.Response.Records.Where(r => r.Result == FirehoseResultRecord.Ok),
            r => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(Convert.FromBase64String(r.Data)).RootElement.ValueKind));
        var response = JsonSerializer.SerializeToUtf8Bytes(outcome.Response, FirehoseJsonContext.Default.FirehoseTransformationResponse);
        Assert.True(response.Length <= RecommendationsHandler.ResponseLimitBytes);
    }
}
