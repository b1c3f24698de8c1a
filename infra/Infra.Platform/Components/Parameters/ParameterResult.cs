using Infra.Model.Values;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Parameters;

/// <summary>An SSM parameter.</summary>
public sealed record ParameterResult(string LogicalName, Reference Name, Reference Arn)
{
    public PolicyStatement Read() =>
        PolicyStatement.Allow(PascalCase.Of("Read", LogicalName), ["ssm:GetParameter", "ssm:GetParameters"], Arn);
}
