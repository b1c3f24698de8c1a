using System.Net;
using System.Text;
using System.Text.Json;

namespace Pipelines.Tests.Producer;

/// <summary>Records requests and answers PutRecords as told: every record stored unless a script fails it or the whole call.</summary>
public class RecordingHandler : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];
    public List<byte[]> Bodies { get; } = [];

    /// <summary>Keys of records stored, in order; a record failed by the script is not stored.</summary>
    public List<string> Stored { get; } = [];

    /// <summary>Per call: null stores all; a status refuses the whole call; a predicate fails the records it matches.</summary>
    public Queue<(HttpStatusCode? Refuse, string? Type, Func<string, bool>? FailRecord)> Script { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        Bodies.Add(body);
        var step = Script.Count > 0 ? Script.Dequeue() : (null, null, null);
        if (step.Refuse is { } status)
        {
            return new HttpResponseMessage(status) { Content = new StringContent($$"""{"__type":"{{step.Type}}","message":"scripted"}""") };
        }
        using var document = JsonDocument.Parse(body);
        var answers = new List<string>();
        var failed = 0;
        foreach (var record in document.RootElement.GetProperty("Records").EnumerateArray())
        {
            var key = record.GetProperty("PartitionKey").GetString()!;
            if (step.FailRecord?.Invoke(key) == true)
            {
                failed++;
                answers.Add("""{"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded for shard"}""");
            }
            else
            {
                Stored.Add(key);
                answers.Add($$"""{"SequenceNumber":"{{Stored.Count}}","ShardId":"shardId-000000000000"}""");
            }
        }
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"FailedRecordCount":{{failed}},"Records":[{{string.Join(',', answers)}}]}""", Encoding.UTF8),
        };
    }
}
