using Infra.Model.Resources;
using Infra.Platform.Aws;
using Infra.Providers.Aws.Kinesis;
using Infra.Providers.Aws.Kinesis.Inputs;

namespace Infra.Platform.Components.Streaming;

/// <summary>A Kinesis data stream encrypted with the stack key, provisioned or on-demand as the stack says.</summary>
public static class KinesisStreams
{
    public static KinesisStreamResult Create(PlatformContext context, ComponentScope scope, string name, int? shardCount, int retentionHours)
    {
        var stream = scope.Add($"{name}-stream", new StreamArgs
        {
            Name = context.Name(name),
            RetentionPeriod = retentionHours,
            EncryptionType = AwsValues.KinesisEncryptionKms,
            KmsKeyId = context.RequireKey().KeyArn,
            StreamModeDetails = new StreamStreamModeDetailsArgs
            {
                StreamMode = shardCount is null ? AwsValues.KinesisOnDemand : AwsValues.KinesisProvisioned,
            },
            ShardCount = shardCount is { } shards ? shards : null,
        }, context.DataOptions());
        return new KinesisStreamResult(stream.Name, stream.Attr("name"), stream.Attr("arn"));
    }
}
