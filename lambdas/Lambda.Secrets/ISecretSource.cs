namespace Lambda.Secrets;

/// <summary>One secret value: an SSM SecureString in AWS, a file locally. <see cref="Name"/> says which, for messages; never the value.</summary>
public interface ISecretSource
{
    string Name { get; }

    Task<string> GetAsync(CancellationToken cancellationToken);
}
