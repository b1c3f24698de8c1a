using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Parameters;

/// <summary>An SSM parameter.</summary>
public sealed record ParameterResult(string LogicalName, Reference Name, Reference Arn)
{
    public PolicyStatement Read() =>
        PolicyStatement.Allow(PascalCase.Of("Read", LogicalName), ["ssm:GetParameter", "ssm:GetParameters"], Arn);

    /// <summary>The call of a reader (one parameter, decrypted).</summary>
    public Call Reads() => new ApiCall("ssm:GetParameter", Arn, new Dictionary<string, string> { ["ssm:WithDecryption"] = "true" });
}
