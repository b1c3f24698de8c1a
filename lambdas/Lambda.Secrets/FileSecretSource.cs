namespace Lambda.Secrets;

/// <summary>Local mode: the secret in a file the runner writes.</summary>
public sealed class FileSecretSource(string path) : ISecretSource
{
    public string Name => $"file {path}";

    public async Task<string> GetAsync(CancellationToken cancellationToken) =>
        (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).TrimEnd('\n', '\r');
}
