using Amazon.SimpleSystemsManagement;

namespace Lambda.Secrets;

/// <summary>The secret a function's environment names: an SSM parameter, or locally a file.</summary>
public static class SecretSources
{
    public static ISecretSource FromEnvironment(Func<string, string?> environment, string parameterVariable, string fileVariable) =>
        environment(parameterVariable) is { Length: > 0 } parameter
            ? new SsmSecretSource(new AmazonSimpleSystemsManagementClient(), parameter)
            : environment(fileVariable) is { Length: > 0 } file
                ? new FileSecretSource(file)
                : throw new InvalidOperationException($"set {parameterVariable} (or {fileVariable} locally)");
}
