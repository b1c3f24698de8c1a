using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Streaming;

/// <summary>A Kinesis data stream.</summary>
public sealed record KinesisStreamResult(string LogicalName, Reference Name, Reference Arn)
{
    /// <summary>What a polling consumer (a Lambda event source mapping) needs; no enhanced fan-out.</summary>
    public PolicyStatement Read() => PolicyStatement.Allow(StatementId.From("Read", LogicalName),
        ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"], Arn);

    public PolicyStatement Write() =>
        PolicyStatement.Allow(StatementId.From("WriteTo", LogicalName), ["kinesis:PutRecord", "kinesis:PutRecords"], Arn);
}
