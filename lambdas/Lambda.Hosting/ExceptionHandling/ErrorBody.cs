using System.Text.Json.Serialization;

namespace Lambda.Hosting.ExceptionHandling;

/// <summary>The error document the Runtime API expects.</summary>
public sealed record ErrorBody(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    public static ErrorBody From(Exception exception) => new(
        exception.Message,
        exception.GetType().Name,
        (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
