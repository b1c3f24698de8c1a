using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace RestIngestion;

/// <summary>Reads the credentials from an SSM SecureString, decrypted with the stack key.</summary>
public sealed class SsmCredentialSource(IAmazonSimpleSystemsManagement ssm, string parameterName) : ICredentialSource
{
    public async Task<ClientCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }, cancellationToken).ConfigureAwait(false);
        return ClientCredentials.Parse(response.Parameter.Value, $"parameter {parameterName}");
    }
}
