using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Streaming;

/// <summary>A Kinesis data stream.</summary>
public sealed record KinesisStreamResult(string LogicalName, Reference Name, Reference Arn)
{
    /// <summary>What a polling consumer (a Lambda event source mapping) calls; no enhanced fan-out.</summary>
    public static readonly IReadOnlyList<string> ConsumerActions =
        ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"];

    public PolicyStatement Read() => PolicyStatement.Allow(PascalCase.Of("Read", LogicalName), ConsumerActions, Arn);

    /// <summary>The calls of a polling consumer.</summary>
    public IReadOnlyList<Call> Reads() => [.. ConsumerActions.Select(action => new ApiCall(action, Arn))];

    /// <summary>Consume the encrypted stream, as one permission (the key through Kinesis).</summary>
    public Permission Consuming() => new([Read()], Reads(), ["kinesis"]);

    public PolicyStatement Write() =>
        PolicyStatement.Allow(PascalCase.Of("WriteTo", LogicalName), ["kinesis:PutRecord", "kinesis:PutRecords"], Arn);
}
