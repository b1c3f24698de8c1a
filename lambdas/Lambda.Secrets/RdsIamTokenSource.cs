namespace Lambda.Secrets;

/// <summary>
/// An RDS IAM authentication token for one database user, used as the password: a SigV4-presigned <c>connect</c> request
/// of service <c>rds-db</c>, valid for 15 minutes, signed with the function role's credentials (whose policy allows
/// <c>rds-db:connect</c> for that user only). A new one for every connection.
/// </summary>
public sealed class RdsIamTokenSource(string host, int port, string user, string region, Func<string, string?> environment, TimeProvider clock) : ISecretSource
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public string Name => $"IAM authentication token of {user} at {host}:{port}";

    public Task<string> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Token(host, port, user, region, AwsCredentials.FromEnvironment(environment), clock.GetUtcNow()));

    public static string Token(string host, int port, string user, string region, AwsCredentials credentials, DateTimeOffset now)
    {
        var endpoint = $"{host}:{port}";
        var query = SigV4Presigner.Presign(endpoint, "/", new Dictionary<string, string> { ["Action"] = "connect", ["DBUser"] = user },
            "rds-db", region, credentials, now, Lifetime, SigV4Presigner.EmptyPayloadHash);
        return $"{endpoint}/?{query}";
    }
}
