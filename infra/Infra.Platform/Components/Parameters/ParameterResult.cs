using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Parameters;

/// <summary>An SSM parameter.</summary>
public sealed record ParameterResult(string LogicalName, Reference Name, Reference Arn)
{
    /// <summary>The functions read one parameter at a time, decrypted (<c>GetParameter</c> with decryption).</summary>
    public const string ReadAction = "ssm:GetParameter";

    public PolicyStatement Read() => PolicyStatement.Allow(PascalCase.Of("Read", LogicalName), [ReadAction], Arn);

    /// <summary>The call of a reader.</summary>
    public Call Reads() => new ApiCall(ReadAction, Arn, new Dictionary<string, string> { ["ssm:WithDecryption"] = "true" });

    /// <summary>Read the SecureString, as one permission (the key through SSM).</summary>
    public Permission Reading() => new([Read()], [Reads()], ["ssm"], DecryptsOnly: true);
}
