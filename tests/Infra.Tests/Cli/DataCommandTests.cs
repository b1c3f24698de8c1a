using Infra.Cli;
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

            var exit = CommandLine.Run(["generate", "--seed", "3", "--scale", "0.1", "--bad-row-rate", "0.1", "--out", "data", "--format", "ndjson,postgresql"], host);

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

        Assert.Equal(1, CommandLine.Run(["generate", option, value], host));
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

        Assert.Equal(1, CommandLine.Run(args, host));
        Assert.Contains(message, host.Stderr);
    }
}
