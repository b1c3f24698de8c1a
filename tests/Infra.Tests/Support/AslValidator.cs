using System.Text.Json;

namespace Infra.Tests.Support;

/// <summary>Validates a state machine definition as Amazon States Language with the pinned npm validator (tests/asl), offline.</summary>
public static class AslValidator
{
    public static (bool Valid, IReadOnlyList<string> Errors) Validate(string definition)
    {
        using var result = JsonDocument.Parse(NodeTool.Run("asl", "asl-validator", "validate.js", definition));
        return (result.RootElement.GetProperty("isValid").GetBoolean(),
            [.. result.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)]);
    }
}
