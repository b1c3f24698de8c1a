using Infra.Model.Values;
using Infra.Platform.Aws;
using Infra.Platform.Components.Encryption;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Parameters;
using Infra.Platform.Components.Storage;
using Infra.Platform.Components.Streaming;

namespace Infra.Tests.Iam;

/// <summary>Component results hand out least-privilege statements; roles are assembled from them.</summary>
public class GrantsTests
{
    private static readonly BucketResult Bronze = new("bronze-bucket", new Reference("bronze-bucket", "id"), new Reference("bronze-bucket", "arn"), new Reference("bronze-bucket-policy"));

    [Fact]
    public void Bucket_Read_GetsObjectsAndListsOnlyUnderThePrefix()
    {
        var (objects, list) = (Bronze.Read("/sessions/")[0], Bronze.Read("sessions")[1]);

        Assert.Equal(["s3:GetObject"], objects.Actions);
        Assert.Equal(Fn.Interpolate($"{new Reference("bronze-bucket", "arn")}/sessions/*"), Assert.Single(objects.Resources));
        Assert.Equal(["s3:ListBucket"], list.Actions);
        Assert.Equal(("StringLike", "s3:prefix", (Value)"sessions/*"), Assert.Single(list.Conditions));
    }

    [Fact]
    public void Bucket_Write_PutsOnlyUnderTheGivenPrefixes()
    {
        var write = Bronze.Write("sessions", "quarantine/sessions");

        Assert.Equal("WriteBronzeBucketSessionsQuarantineSessions", write.Sid);
        Assert.Equal(["s3:PutObject"], write.Actions);
        Assert.Equal(2, write.Resources.Count);
    }

    [Fact]
    public void Key_IsUsableOnlyThroughTheNamedServicesOfTheRegion()
    {
        var key = new EncryptionKeyResult(new Reference("data-key", "arn"), new Reference("data-key", "keyId"), "alias/k", AwsPartition.Commercial, "eu-west-1");

        var use = key.UseThrough("s3", "sqs");

        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], use.Actions);
        Assert.Equal(("StringEquals", "kms:ViaService", (Value)new ListValue { "s3.eu-west-1.amazonaws.com", "sqs.eu-west-1.amazonaws.com" }), Assert.Single(use.Conditions));
    }

    [Fact]
    public void Stream_Queue_Topic_Parameter_GrantOneThingOnOneResource()
    {
        var stream = new KinesisStreamResult("orders-stream", new Reference("orders-stream", "name"), new Reference("orders-stream", "arn"));
        var grants = new[]
        {
            (stream.Read(), "kinesis:GetRecords"),
            (stream.Write(), "kinesis:PutRecords"),
            (new QueueResult("dlq", "p-dlq", new Reference("dlq", "url"), new Reference("dlq", "arn")).Send(), "sqs:SendMessage"),
            (new TopicResult("alarms", new Reference("alarms", "arn")).Publish(), "sns:Publish"),
            (new ParameterResult("api-token", new Reference("api-token", "name"), new Reference("api-token", "arn")).Read(), "ssm:GetParameter"),
        };

        Assert.All(grants, grant =>
        {
            Assert.Contains(grant.Item2, grant.Item1.Actions);
            Assert.IsType<Reference>(Assert.Single(grant.Item1.Resources));
            Assert.DoesNotContain(grant.Item1.Actions, action => action.Contains('*', StringComparison.Ordinal));
            Assert.NotNull(grant.Item1.ToMap());
        });
        Assert.DoesNotContain("kinesis:SubscribeToShard", stream.Read().Actions);
    }
}
