namespace RestIngestion;

/// <summary>Where the API client's credentials come from: SSM Parameter Store in AWS, a file locally.</summary>
public interface ICredentialSource
{
    Task<ClientCredentials> GetAsync(CancellationToken cancellationToken);
}
