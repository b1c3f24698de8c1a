namespace RestIngestion;

/// <summary>Local mode: the credentials JSON in a file the runner writes.</summary>
public sealed class FileCredentialSource(string path) : ICredentialSource
{
    public async Task<ClientCredentials> GetAsync(CancellationToken cancellationToken) =>
        ClientCredentials.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), $"file {path}");
}
