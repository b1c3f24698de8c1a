using System.Net;
using System.Text;
using System.Text.Json;
using Lambda.Events;
using Pipelines.Producer;

namespace Pipelines.Replay;

/// <summary>Invokes the deployed function synchronously (Lambda's Invoke API, signed) and reads its partial-batch response.</summary>
public sealed class LambdaInvokeTarget(SignedAwsClient lambda, string functionName) : IBatchTarget
{
    public async Task<IReadOnlyList<string>> InvokeAsync(KinesisEvent batch, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(batch, KinesisJsonContext.Default.KinesisEvent);
        var (status, answer) = await lambda.PostAsync($"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations", body, "application/json", null, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"invoking {functionName} answered {(int)status}: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)))}");
        }
        using var document = JsonDocument.Parse(answer);
        if (document.RootElement.TryGetProperty("errorMessage", out var error))
        {
            return [.. batch.Records.Select(record => record.Kinesis.SequenceNumber).Take(1).Select(first => $"{first} ({error.GetString()})")];
        }
        var response = JsonSerializer.Deserialize(answer, KinesisJsonContext.Default.StreamsEventResponse)!;
        return [.. response.BatchItemFailures.Select(failure => failure.ItemIdentifier)];
    }
}
