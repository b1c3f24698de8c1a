namespace Pipelines.Declarations.Functions;

/// <summary>
/// Log level names as CloudWatch Logs and Lambda's JSON log filters read them: the functions write them in
/// their log lines, and the infrastructure configures log filters (state machines, functions) with them.
/// </summary>
public static class LogLevels
{
    public const string Error = "ERROR";
}
