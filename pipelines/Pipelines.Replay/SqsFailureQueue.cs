using System.Net;
using System.Text;
using System.Text.Json;
using Pipelines.Producer;

namespace Pipelines.Replay;

/// <summary>The on-failure queue through SQS's JSON protocol, signed without the SQS SDK; a received message is hidden for the replay's time.</summary>
public sealed class SqsFailureQueue(SignedAwsClient sqs, string queueUrl, int visibilitySeconds = 300) : IFailureQueue
{
    public const string ContentType = "application/x-amz-json-1.0";

    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("ReceiveMessage", $$"""{"QueueUrl":{{JsonSerializer.Serialize(queueUrl)}},"MaxNumberOfMessages":{{max}},"WaitTimeSeconds":1,"VisibilityTimeout":{{visibilitySeconds}}}""", cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(answer);
        return document.RootElement.TryGetProperty("Messages", out var messages)
            ? [.. messages.EnumerateArray().Select(m => new QueuedMessage(m.GetProperty("ReceiptHandle").GetString()!, m.GetProperty("Body").GetString()!))]
            : [];
    }

    public async Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken) =>
        await CallAsync("DeleteMessage", $$"""{"QueueUrl":{{JsonSerializer.Serialize(queueUrl)}},"ReceiptHandle":{{JsonSerializer.Serialize(message.ReceiptHandle)}}}""", cancellationToken).ConfigureAwait(false);

    private async Task<byte[]> CallAsync(string action, string json, CancellationToken cancellationToken)
    {
        var (status, answer) = await sqs.PostAsync("/", Encoding.UTF8.GetBytes(json), ContentType, $"AmazonSQS.{action}", cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.OK
            ? answer
            : throw new InvalidOperationException($"{action} on {queueUrl} answered {(int)status} {SignedAwsClient.ErrorType(answer)}: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)))}");
    }
}
