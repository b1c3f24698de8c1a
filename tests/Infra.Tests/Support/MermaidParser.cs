using System.Text.Json;

namespace Infra.Tests.Support;

/// <summary>Parses a Mermaid diagram with Mermaid's own parser (tests/mermaid), offline.</summary>
public static class MermaidParser
{
    public static (bool Valid, string? Error) Parse(string diagram)
    {
        using var result = JsonDocument.Parse(NodeTool.Run("mermaid", "mermaid", "parse.mjs", diagram));
        return (result.RootElement.GetProperty("valid").GetBoolean(), result.RootElement.GetProperty("error").GetString());
    }
}
