using Infra.Cli;
using Pipelines.Cli;
using Pipelines.Local;

namespace Infra.Tests.Cli;

/// <summary>The text report says where each dataset came from, why an exploded one counts more rows in silver, and where a failed run stopped.</summary>
public class LocalReportPrinterTests
{
    [Fact]
    public void The_reconciliation_names_each_datasets_origin_explains_exploded_counts_and_a_failure_ends_the_report()
    {
        var report = new RunReport("course4", [new StepReport("course4", "Extract", 1.2, "2 datasets")],
            [
                new Reconciliation("course4", "users", 120, 120, 120, 118, 2, 0, Exploded: false) { Origin = "api" },
                new Reconciliation("course4", "listening_sessions", 300, 300, 1450, 1440, 0, 10, Exploded: true) { Origin = "api" },
            ], [], [], ".local/course4")
        { Failure = new RunFailure("course4", "QualityGate", "listening_sessions", "references(...) — 3 row(s)") };
        var output = new StringWriter();

        LocalReportPrinter.Print(report, output);

        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, line => line.Contains("users (api)", StringComparison.Ordinal) && line.Contains("ok", StringComparison.Ordinal) && !line.Contains("items", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("listening_sessions (api)", StringComparison.Ordinal) && line.Contains("silver counts the records' items", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("FAILED at course4 QualityGate (listening_sessions): references(", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("1 steps finished before it", StringComparison.Ordinal));
    }
}
