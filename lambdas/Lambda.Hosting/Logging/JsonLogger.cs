using System.Text;
using System.Text.Json;

namespace Lambda.Hosting.Logging;

/// <summary>Structured logs: one JSON object per line (CloudWatch Logs parses them), stamped with the current request id.</summary>
public sealed class JsonLogger(TextWriter output, TimeProvider clock)
{
    private string? _requestId;

    public IDisposable BeginInvocation(string requestId)
    {
        _requestId = requestId;
        return new Scope(this);
    }

    public void Error(string message, Exception? exception, params (string Name, object? Value)[] fields) => Write(Pipelines.Declarations.Functions.LogLevels.Error, message, exception, fields);

    private void Write(string level, string message, Exception? exception, (string Name, object? Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", level);
            json.WriteString("message", message);
            if (_requestId is not null)
            {
                json.WriteString("requestId", _requestId);
            }
            if (exception is not null)
            {
                json.WriteString("errorType", exception.GetType().Name);
                json.WriteString("errorMessage", exception.Message);
            }
            foreach (var (name, value) in fields)
            {
                JsonValues.Write(json, name, value);
            }
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private sealed class Scope(JsonLogger logger) : IDisposable
    {
        public void Dispose() => logger._requestId = null;
    }
}
