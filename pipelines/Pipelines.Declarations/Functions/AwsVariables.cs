namespace Pipelines.Declarations.Functions;

/// <summary>Variables AWS itself sets (Lambda in every execution environment, the SDKs and CLI on a person's machine).</summary>
public static class AwsVariables
{
    public const string Region = "AWS_REGION";
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";
}
