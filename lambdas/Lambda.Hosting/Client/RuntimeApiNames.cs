namespace Lambda.Hosting.Client;

/// <summary>Paths, headers and environment variables of the Lambda Runtime API, in one place.</summary>
public static class RuntimeApiNames
{
    public const string Version = "2018-06-01";
    public const string NextPath = $"/{Version}/runtime/invocation/next";
    public const string InitErrorPath = $"/{Version}/runtime/init/error";

    public static string ResponsePath(string requestId) => $"/{Version}/runtime/invocation/{Uri.EscapeDataString(requestId)}/response";

    public static string ErrorPath(string requestId) => $"/{Version}/runtime/invocation/{Uri.EscapeDataString(requestId)}/error";

    public const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    public const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    public const string ClientContextHeader = "Lambda-Runtime-Client-Context";
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";
    public const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";
}
