using Pipelines.Declarations.Functions;

namespace Lambda.Secrets;

/// <summary>The credentials a function's role gives it: Lambda sets them in the environment of every invocation.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    public static AwsCredentials FromEnvironment(Func<string, string?> environment) => new(
        environment(AwsVariables.AccessKeyId) is { Length: > 0 } id ? id : throw new InvalidOperationException($"{AwsVariables.AccessKeyId} is not set: IAM database authentication needs the role's credentials"),
        environment(AwsVariables.SecretAccessKey) is { Length: > 0 } secret ? secret : throw new InvalidOperationException($"{AwsVariables.SecretAccessKey} is not set"),
        environment(AwsVariables.SessionToken) is { Length: > 0 } token ? token : null);
}
