using System.Text.Json;
using Lambda.Hosting.Metrics;

namespace Lambdas.Tests.Hosting;

public class EmbeddedMetricsTests
{
    [Fact]
    public void Format_DeclaresEveryMetricAndDimension_AndCarriesTheirValues()
    {
        var line = EmbeddedMetrics.Format("DataPlatform/Test", [new("FunctionName", "f")],
            [new("RecordsWritten", 7), new("RecordsFailed", 0)], DateTimeOffset.FromUnixTimeMilliseconds(1700000000000));

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal(1700000000000, root.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.Equal("DataPlatform/Test", directive.GetProperty("Namespace").GetString());
        Assert.Equal("FunctionName", directive.GetProperty("Dimensions")[0][0].GetString());
        Assert.Equal(["RecordsWritten", "RecordsFailed"], directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.Equal("f", root.GetProperty("FunctionName").GetString());
        Assert.Equal(7, root.GetProperty("RecordsWritten").GetDouble());
        Assert.DoesNotContain('\n', line);
    }
}
