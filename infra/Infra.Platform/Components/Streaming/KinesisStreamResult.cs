using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Streaming;

/// <summary>A Kinesis data stream.</summary>
public sealed record KinesisStreamResult(string LogicalName, Reference Name, Reference Arn)
{
    /// <summary>What a polling consumer (a Lambda event source mapping) needs; no enhanced fan-out.</summary>
    public PolicyStatement Read() => PolicyStatement.Allow(PascalCase.Of("Read", LogicalName),
        ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"], Arn);

    public PolicyStatement Write() =>
        PolicyStatement.Allow(PascalCase.Of("WriteTo", LogicalName), ["kinesis:PutRecord", "kinesis:PutRecords"], Arn);
}
