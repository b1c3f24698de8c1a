using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Lambda.Secrets;

/// <summary>An SSM Parameter Store SecureString, decrypted (the stack key's policy allows it through SSM only).</summary>
public sealed class SsmSecretSource(IAmazonSimpleSystemsManagement ssm, string parameterName) : ISecretSource
{
    public string Name => $"parameter {parameterName}";

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }, cancellationToken).ConfigureAwait(false);
        return response.Parameter.Value;
    }
}
