namespace Lambda.Secrets;

/// <summary>The credentials a function's role gives it: Lambda sets them in the environment of every invocation.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    public static AwsCredentials FromEnvironment(Func<string, string?> environment) => new(
        environment("AWS_ACCESS_KEY_ID") is { Length: > 0 } id ? id : throw new InvalidOperationException("AWS_ACCESS_KEY_ID is not set: IAM database authentication needs the role's credentials"),
        environment("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret ? secret : throw new InvalidOperationException("AWS_SECRET_ACCESS_KEY is not set"),
        environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null);
}
