using Infra.Cli;
using Pipelines.Cli;
using Infra.Tests.Support;

namespace Infra.Tests.Cli;

/// <summary><c>generate</c> and <c>produce</c>: what they write, and how they refuse bad arguments.</summary>
public class DataCommandTests
{
    [Fact]
    public void Generate_writes_the_chosen_formats_where_asked_and_lists_the_datasets()
    {
        var folder = Directory.CreateTempSubdirectory("generate-").FullName;
        try
        {
            var host = new FakeHost(workingDirectory: folder);

            var exit = DataPlatform.Run(["generate", "--seed", "3", "--scale", "0.1", "--bad-row-rate", "0.1", "--out", "data", "--format", "ndjson,postgresql"], host);

            Assert.Equal(0, exit);
            Assert.True(File.Exists(Path.Combine(folder, "data", "ndjson", "orders.ndjson")));
            Assert.True(File.Exists(Path.Combine(folder, "data", "sql", "postgresql.sql")));
            Assert.False(Directory.Exists(Path.Combine(folder, "data", "csv")));
            Assert.False(File.Exists(Path.Combine(folder, "data", "sql", "mysql.sql")));
            Assert.Contains("seed 3, scale 0.1, bad-row rate 0.1", host.Stdout);
            Assert.Contains("listening_sessions", host.Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--scale", "lots", "--scale needs a number, not 'lots'")]
    [InlineData("--scale", "0", "scale must be greater than 0")]
    [InlineData("--bad-row-rate", "0.9", "bad-row rate must be between 0 and 0.5")]
    [InlineData("--format", "parquet", "unknown format 'parquet'")]
    public void Generate_refuses_bad_settings_naming_them(string option, string value, string message)
    {
        var host = new FakeHost();

        Assert.Equal(CommandLine.UsageExit, DataPlatform.Run(["generate", option, value], host));
        Assert.Contains(message, host.Stderr);
    }

    [Theory]
    [InlineData(new[] { "produce", "--region", "eu-west-1" }, "--stream is required")]
    [InlineData(new[] { "produce", "--stream", "s", "--region", "eu-west-1", "--dataset", "songs" }, "--dataset must be one of web_sessions, order_events")]
    [InlineData(new[] { "produce", "--stream", "s" }, "no region")]
    [InlineData(new[] { "replay", "--function", "f", "--region", "eu-west-1" }, "--queue-url and --function are required")]
    [InlineData(new[] { "replay", "--queue-url", "https://q", "--function", "f" }, "no region")]
    [InlineData(new[] { "replay", "--queue-url", "https://q", "--function", "f", "--region", "eu-west-1", "--max", "0" }, "--max must be at least 1")]
    public void Produce_and_replay_refuse_missing_or_wrong_arguments(string[] args, string message)
    {
        var host = new FakeHost();

        Assert.Equal(CommandLine.UsageExit, DataPlatform.Run(args, host));
        Assert.Contains(message, host.Stderr);
    }
}

/// <summary><c>local run</c> as scripts use it: plain JSON when asked, clear refusals.</summary>
public class LocalCommandTests
{
    [Fact]
    public void Local_run_prints_a_json_report_that_reconciles()
    {
        var host = new FakeHost();

        Assert.Equal(0, DataPlatform.Run(["local", "run", "--course", "3", "--scale", "0.1", "--output", "json"], host));

        using var report = System.Text.Json.JsonDocument.Parse(host.Stdout);
        Assert.Equal("course3", report.RootElement.GetProperty("stack").GetString());
        Assert.All(report.RootElement.GetProperty("reconciliation").EnumerateArray(), line => Assert.True(line.GetProperty("reconciles").GetBoolean()));
        Assert.Contains(report.RootElement.GetProperty("gold").EnumerateArray(), table => table.GetProperty("model").GetString() == "sales_report");
        Assert.Equal(0, DataPlatform.Run(["local", "clean", "--course", "3"], new FakeHost()));
    }

    [Fact]
    public void A_failed_run_still_prints_its_report_with_the_step_and_dataset_it_stopped_at()
    {
        var host = new FakeHost();

        Assert.Equal(1, DataPlatform.Run(["local", "run", "--course", "3", "--scale", "0.1", "--bad-row-rate", "0.05", "--output", "json"], host));

        using var report = System.Text.Json.JsonDocument.Parse(host.Stdout);
        var failure = report.RootElement.GetProperty("failure");
        Assert.Equal("course3", failure.GetProperty("course").GetString());
        Assert.Contains("references(", failure.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(failure.GetProperty("dataset").GetString()));
        Assert.NotEmpty(report.RootElement.GetProperty("steps").EnumerateArray());
        Assert.NotEmpty(report.RootElement.GetProperty("reconciliation").EnumerateArray());
        Assert.Contains($"course3 stopped at {failure.GetProperty("step").GetString()}", host.Stderr);
        Assert.DoesNotContain("   at ", host.Stderr);
    }

    [Theory]
    [InlineData(new[] { "local", "run", "--course", "9" }, "no local pipeline for 'course9'")]
    [InlineData(new[] { "local", "run", "--output", "xml" }, "--output must be text or json")]
    [InlineData(new[] { "local" }, "local needs a subcommand: run or clean")]
    public void Local_refuses_what_it_cannot_run(string[] args, string message)
    {
        var host = new FakeHost();

        Assert.Equal(CommandLine.UsageExit, DataPlatform.Run(args, host));
        Assert.Contains(message, host.Stderr);
    }
}
