using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Messaging;

/// <summary>An SNS topic.</summary>
public sealed record TopicResult(string LogicalName, Reference Arn)
{
    public PolicyStatement Publish() => PolicyStatement.Allow(PascalCase.Of("PublishTo", LogicalName), ["sns:Publish"], Arn);
}
