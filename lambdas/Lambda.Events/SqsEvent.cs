using System.Text.Json.Serialization;

namespace Lambda.Events;

/// <summary>A batch of SQS messages.</summary>
public sealed record SqsEvent
{
    [JsonPropertyName("Records")] public IReadOnlyList<SqsMessage> Records { get; init; } = [];
}

public sealed record SqsMessage
{
    [JsonPropertyName("messageId")] public required string MessageId { get; init; }
    [JsonPropertyName("receiptHandle")] public string ReceiptHandle { get; init; } = "";
    [JsonPropertyName("body")] public required string Body { get; init; }
    [JsonPropertyName("attributes")] public Dictionary<string, string> Attributes { get; init; } = [];
    [JsonPropertyName("messageAttributes")] public Dictionary<string, SqsMessageAttribute> MessageAttributes { get; init; } = [];
    [JsonPropertyName("md5OfBody")] public string Md5OfBody { get; init; } = "";
    [JsonPropertyName("eventSource")] public string EventSource { get; init; } = "aws:sqs";
    [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; init; } = "";
    [JsonPropertyName("awsRegion")] public string AwsRegion { get; init; } = "";
}

public sealed record SqsMessageAttribute
{
    [JsonPropertyName("stringValue")] public string? StringValue { get; init; }
    [JsonPropertyName("binaryValue")] public string? BinaryValue { get; init; }
    [JsonPropertyName("dataType")] public string DataType { get; init; } = "String";
}
