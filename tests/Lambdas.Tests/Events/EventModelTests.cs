using System.Text.Json;
using Lambda.Events;
using Lambdas.Tests.Support;

namespace Lambdas.Tests.Events;

public class EventModelTests
{

    [Fact]
    public void Kinesis_Fixture_ReadsRecordAndShard()
    {
        var record = Fixture.Load("kinesis.json", KinesisJsonContext.Default.KinesisEvent).Records.Single();

        Assert.Equal("customer-103", record.Kinesis.PartitionKey);
        Assert.Equal("49590338271490256608559692538361571095921575989136588898", record.Kinesis.SequenceNumber);
        Assert.Equal("eyJzZXNzaW9uX2lkIjoiczEifQ==", record.Kinesis.Data);
        Assert.Equal(1545084650.987, record.Kinesis.ApproximateArrivalTimestamp);
        Assert.Equal("shardId-000000000006", record.ShardId);
        Assert.Equal("arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream", record.EventSourceArn);
    }

    [Fact]
    public void BatchResponse_WritesTheDocumentedShape()
    {
        var json = JsonSerializer.Serialize(new StreamsEventResponse { BatchItemFailures = [new BatchItemFailure("42")] }, KinesisJsonContext.Default.StreamsEventResponse);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"42"}]}""", json);
    }

    [Fact]
    public void TumblingWindow_Fixture_ReadsWindowAndState()
    {
        var window = Fixture.Load("kinesis-window.json", TumblingWindowJsonContext.Default.KinesisTimeWindowEvent);

        Assert.Equal(new DateTimeOffset(2020, 7, 30, 17, 5, 0, TimeSpan.Zero), window.Window!.End);
        Assert.Equal("42", window.State["total"]);
        Assert.True(window.IsFinalInvokeForWindow);
        var response = JsonSerializer.Serialize(new TimeWindowEventResponse { State = new() { ["total"] = "43" } }, TumblingWindowJsonContext.Default.TimeWindowEventResponse);
        Assert.Equal("""{"state":{"total":"43"},"batchItemFailures":[]}""", response);
    }

    [Fact]
    public void S3_Fixture_ReadsBucketAndKey()
    {
        var record = Fixture.Load("s3.json", S3EventJsonContext.Default.S3Event).Records.Single();

        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal("dataplatform-dev-bronze-123456789012", record.S3.Bucket.Name);
        Assert.Equal("sessions/region%3Dusa/part+1.ndjson.gz", record.S3.Object.Key);
        Assert.Equal(1305107, record.S3.Object.Size);
    }

    [Fact]
    public void Scheduled_Fixture_ReadsDetailType()
    {
        var scheduled = Fixture.Load("scheduled.json", ScheduledEventJsonContext.Default.ScheduledEvent);

        Assert.Equal("Scheduled Event", scheduled.DetailType);
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/nightly-extract", scheduled.Resources.Single());
        Assert.Equal(JsonValueKind.Object, scheduled.Detail.ValueKind);
    }

    [Fact]
    public void Sqs_Fixture_ReadsBodyAndAttributes()
    {
        var message = Fixture.Load("sqs.json", SqsJsonContext.Default.SqsEvent).Records.Single();

        Assert.Contains("RetriesExhausted", message.Body);
        Assert.Equal("1", message.Attributes["ApproximateReceiveCount"]);
        Assert.Equal("stream-consumer", message.MessageAttributes["source"].StringValue);
    }

    [Fact]
    public void Firehose_Fixture_RoundTripsATransformation()
    {
        var request = Fixture.Load("firehose.json", FirehoseJsonContext.Default.FirehoseTransformationRequest);
        var response = new FirehoseTransformationResponse
        {
            Records = request.Records.Select(r => new FirehoseResultRecord { RecordId = r.RecordId, Result = FirehoseResultRecord.Ok, Data = r.Data }).ToList(),
        };

        var json = JsonSerializer.Serialize(response, FirehoseJsonContext.Default.FirehoseTransformationResponse);

        Assert.Equal(1495072949453, request.Records.Single().ApproximateArrivalTimestamp);
        Assert.Equal("""{"records":[{"recordId":"49546986683135544286507457936321625675700192471156785154","result":"Ok","data":"SGVsbG8gV29ybGQ="}]}""", json);
    }
}
