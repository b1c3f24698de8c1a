namespace Infra.Platform.Components.Logging;

/// <summary>Lambda writes a function's logs to the log group <c>/aws/lambda/{function name}</c>.</summary>
public static class LambdaLogGroup
{
    public const string NamePrefix = "/aws/lambda/";

    public static string Name(string functionName) => NamePrefix + functionName;
}
