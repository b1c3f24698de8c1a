using System.Text;
using System.Text.Json;

namespace Lambda.Hosting.Metrics;

/// <summary>
/// CloudWatch Embedded Metric Format: a log line that CloudWatch turns into metrics, so
/// functions publish metrics without an API call.
/// </summary>
public static class EmbeddedMetrics
{
    public sealed record Metric(string Name, double Value, string Unit = "Count");

    public static string Format(string metricNamespace, IReadOnlyList<KeyValuePair<string, string>> dimensions, IReadOnlyList<Metric> metrics, DateTimeOffset timestamp)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            foreach (var (name, _) in dimensions)
            {
                json.WriteStringValue(name);
            }
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var (name, value) in dimensions)
            {
                json.WriteString(name, value);
            }
            foreach (var metric in metrics)
            {
                json.WriteNumber(metric.Name, metric.Value);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
