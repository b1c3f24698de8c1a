namespace RuntimeEmulator;

/// <summary>How an invocation ended: a response body, or an error document with its type.</summary>
public sealed record InvocationResult(bool Succeeded, string Body, string? ErrorType)
{
    public static InvocationResult Success(string body) => new(true, body, null);

    public static InvocationResult Error(string body, string? errorType) => new(false, body, errorType);
}
