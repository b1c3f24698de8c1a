using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>Partial batch response for Kinesis, DynamoDB streams and SQS (<c>ReportBatchItemFailures</c>).</summary>
public sealed record StreamsEventResponse
{
    [JsonPropertyName("batchItemFailures")] public IReadOnlyList<BatchItemFailure> BatchItemFailures { get; init; } = [];
}

/// <summary>A record to retry: the Kinesis sequence number or the SQS message id.</summary>
public sealed record BatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
