using System.Text;
using System.Text.Json;
using Lambda.Events;
using Lambdas.Tests.Support;
using Recommendations;

namespace Lambdas.Tests.Streaming;

/// <summary>Course 1's Firehose transformation: every record returned with its id as Ok, Dropped or ProcessingFailed.</summary>
public class RecommendationsTests
{
    private static FirehoseTransformationRequest Request(params string[] data) => new()
    {
        Records = [.. data.Select((d, i) => new FirehoseRecord { RecordId = $"r{i}", Data = d })],
    };

    private static string Encoded(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Each_record_comes_back_with_its_id_and_the_counts_reconcile()
    {
        var log = new List<string>();
        var request = Request(
            Encoded(KinesisBatch.Session("s1", "France", ("S10_1678", 2, true), ("S12_1099", 1, false))),
            Encoded(KinesisBatch.Session("s2", "USA")),
            Encoded("{\"session_id\": 5}"),
            "not base64!");

        var outcome = new RecommendationsHandler(log.Add).Handle(request);

        Assert.Equal(request.Records.Select(r => r.RecordId), outcome.Response.Records.Select(r => r.RecordId));
        Assert.Equal(["Ok", "Dropped", "ProcessingFailed", "ProcessingFailed"], outcome.Response.Records.Select(r => r.Result));
        Assert.Equal(request.Records.Count, outcome.Ok + outcome.Dropped + outcome.Failed);
        Assert.Equal(request.Records[2].Data, outcome.Response.Records[2].Data);
        Assert.Equal(2, log.Count);
        Assert.Contains("r3", log[1]);
        Assert.Contains("base64", log[1]);
    }

    [Fact]
    public void An_ok_record_is_one_json_line_splitting_the_cart_from_what_was_only_browsed()
    {
        var outcome = new RecommendationsHandler(_ => { }).Handle(Request(Encoded(KinesisBatch.Session("s1", "France", ("S10_1678", 2, true), ("S12_1099", 3, false)))));

        var line = Encoding.UTF8.GetString(Convert.FromBase64String(outcome.Response.Records[0].Data));
        Assert.EndsWith("\n", line);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("s1", json.GetProperty("session_id").GetString());
        Assert.Equal(5, json.GetProperty("overall_quantity").GetInt64());
        Assert.Equal("S10_1678", json.GetProperty("in_cart")[0].GetProperty("product_code").GetString());
        Assert.Equal("S12_1099", json.GetProperty("browsed")[0].GetProperty("product_code").GetString());
    }

    [Fact]
    public void A_record_whose_strings_are_not_unicode_fails_alone_with_its_reason()
    {
        var log = new List<string>();
        var good = KinesisBatch.Session("s1", "France", ("S10_1678", 2, true));
        var notUtf8 = Encoding.UTF8.GetBytes(KinesisBatch.Session("s3", "XRANCE", ("S10_1678", 1, true))).Select(b => b == (byte)'X' ? (byte)0xC3 : b).ToArray();

        var outcome = new RecommendationsHandler(log.Add).Handle(Request(Encoded(good), Encoded(good.Replace("France", "Fr\\udc00ance", StringComparison.Ordinal)), Convert.ToBase64String(notUtf8)));

        Assert.Equal(["Ok", "ProcessingFailed", "ProcessingFailed"], outcome.Response.Records.Select(r => r.Result));
        Assert.All(log, line => Assert.Contains("not valid Unicode", line));
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public void A_line_is_not_inflated_by_escaping_so_a_response_stays_the_size_of_its_request()
    {
        var code = new string('<', 700_000);
        var record = Encoded(KinesisBatch.Session("s1", "France", (code, 1, true)));

        var outcome = new RecommendationsHandler(_ => { }).Handle(Request(record));

        Assert.Equal("Ok", outcome.Response.Records[0].Result);
        Assert.InRange(outcome.Response.Records[0].Data.Length, 1, record.Length * 11 / 10);
        var line = JsonDocument.Parse(Convert.FromBase64String(outcome.Response.Records[0].Data)).RootElement;
        Assert.Equal(code, line.GetProperty("in_cart")[0].GetProperty("product_code").GetString());
    }

}

/// <summary>Firehose's 6 MB response limit: lines that outgrow their records never push the response past it.</summary>
public class RecommendationsResponseLimitTests
{
    [Fact]
    public void Lines_that_grow_past_the_limit_come_back_as_they_came_and_everything_else_as_lines()
    {
        // Product codes of characters the JSON writer escapes (U+2028 becomes six bytes, three as it arrived), so each
        // line is about twice its record; together the lines would pass 6 MB, the request (Lambda's 6 MB too) stays below it.
        var code = "A" + new string('\u2028', 20_000);
        var records = Enumerable.Range(0, 60).Select(i => new FirehoseRecord
        {
            RecordId = $"r{i}",
            Data = Convert.ToBase64String(Encoding.UTF8.GetBytes(KinesisBatch.Session($"s{i}", "USA", (code, 1, true)))),
        }).ToList();
        var log = new List<string>();

        var outcome = new RecommendationsHandler(log.Add).Handle(new FirehoseTransformationRequest { Records = records });

        var response = JsonSerializer.SerializeToUtf8Bytes(outcome.Response, FirehoseJsonContext.Default.FirehoseTransformationResponse);
        Assert.True(response.Length <= RecommendationsHandler.ResponseLimitBytes, $"{response.Length} bytes");
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(new FirehoseTransformationRequest { Records = records }, FirehoseJsonContext.Default.FirehoseTransformationRequest).Length < RecommendationsHandler.ResponseLimitBytes);
        Assert.Equal(records.Count, outcome.Ok + outcome.Dropped + outcome.Failed);
        Assert.True(outcome.Failed > 0 && outcome.Ok > 0, $"{outcome.Ok} ok, {outcome.Failed} failed");
        Assert.Equal(records.Select(r => r.RecordId), outcome.Response.Records.Select(r => r.RecordId));
        Assert.All(outcome.Response.Records.Where(r => r.Result == FirehoseResultRecord.ProcessingFailed),
            failed => Assert.Equal(records.Single(r => r.RecordId == failed.RecordId).Data, failed.Data));
        Assert.Equal(outcome.Failed, log.Count(line => line.Contains("Firehose's 6 MB limit", StringComparison.Ordinal)));
    }
}
