namespace Infra.Tests.Cli;

/// <summary>
/// The launcher (<c>infra/dataplatform</c>, also Pulumi's compiler) rebuilds the command line whenever any input of
/// its build changed — a gold model's SQL, a handler, an undone edit, a deleted file — and only then. Run on a copy
/// of the sources with a stand-in <c>dotnet</c> that records whether it was asked to build or to run.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    private const string StandInDotnet = """
        #!/bin/sh
        if [ "$1" = build ]; then
          echo "build $(basename "$2")" >> "$LAUNCH_LOG"
          while [ $# -gt 0 ]; do
            if [ "$1" = -o ]; then mkdir -p "$2" && : > "$2/infra.dll" && : > "$2/dataplatform.dll"; fi
            shift
          done
        else
          echo run >> "$LAUNCH_LOG"
        fi
        """;

    private readonly SourceTree _tree = new("infra", "pipelines", "lambdas", "Directory.Build.props", "Directory.Packages.props");
    private readonly string _bin = Directory.CreateTempSubdirectory("stand-in-dotnet-").FullName;
    private string Log => Path.Combine(_bin, "launches.log");

    public LauncherTests() => StandIn(StandInDotnet);

    /// <summary>Puts <paramref name="script"/> on the launcher's PATH as <c>dotnet</c>.</summary>
    private void StandIn(string script)
    {
        var dotnet = Path.Combine(_bin, "dotnet");
        File.WriteAllText(dotnet, script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private ChildProcess.Result Run(params string[] args) =>
        ChildProcess.Run("bash", [_tree.PathOf("infra/dataplatform"), .. args], _tree.Root, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["PATH"] = $"{_bin}:{Environment.GetEnvironmentVariable("PATH")}", ["LAUNCH_LOG"] = Log });

    public void Dispose()
    {
        _tree.Dispose();
        Directory.Delete(_bin, recursive: true);
    }

    /// <summary>Runs the launcher once; true when it built before running.</summary>
    private bool Launch() => Built("functions") is not null;

    /// <summary>Runs the launcher once with <paramref name="args"/>; the project it built before running, or null.</summary>
    private string? Built(params string[] args)
    {
        File.Delete(Log);
        var result = Run(args);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var steps = File.ReadAllLines(Log);
        Assert.Equal("run", steps[^1]);
        return steps.FirstOrDefault(step => step.StartsWith("build ", StringComparison.Ordinal))?["build ".Length..];
    }

    [Fact]
    public void Pulumi_s_compiler_is_built_from_the_infrastructure_alone_and_a_command_from_the_whole_command_line()
    {
        // Pulumi runs the launcher with no arguments and its output redirected, as here.
        Assert.Equal("Infra.Cli.csproj", Built());
        Assert.Equal("Pipelines.Cli.csproj", Built("functions"));
        Assert.Null(Built());
        Assert.Null(Built("functions"));
    }

    [Fact]
    public void It_builds_on_first_use_and_not_again_while_nothing_changed()
    {
        Assert.True(Launch());
        Assert.False(Launch());
        File.SetLastWriteTimeUtc(_tree.PathOf("pipelines/Pipelines.Declarations/Models/course3/sales_report.sql"), DateTime.UtcNow.AddMinutes(5));
        Assert.False(Launch());
    }

    [Theory]
    [InlineData("pipelines/Pipelines.Declarations/Models/course3/sales_report.sql")]
    [InlineData("lambdas/SilverTransform/SilverTransformHandler.cs")]
    [InlineData("infra/Infra.Platform/Infra.Platform.csproj")]
    [InlineData("Directory.Packages.props")]
    public void An_edit_to_any_input_rebuilds_and_so_does_undoing_it(string input)
    {
        Assert.True(Launch());
        var original = File.ReadAllText(_tree.PathOf(input));
        var timestamp = File.GetLastWriteTimeUtc(_tree.PathOf(input));

        File.WriteAllText(_tree.PathOf(input), original + "\n\n");
        Assert.True(Launch());
        File.WriteAllText(_tree.PathOf(input), original);
        File.SetLastWriteTimeUtc(_tree.PathOf(input), timestamp);
        Assert.True(Launch());
        Assert.False(Launch());
    }

    [Fact]
    public void Adding_or_deleting_a_file_rebuilds()
    {
        Assert.True(Launch());
        File.WriteAllText(_tree.PathOf("lambdas/SilverTransform/Added.cs"), "// new\n");
        Assert.True(Launch());
        File.Delete(_tree.PathOf("lambdas/SilverTransform/Added.cs"));
        Assert.True(Launch());
        File.Delete(_tree.PathOf("pipelines/Pipelines.Declarations/Models/course3/sales_report.sql"));
        Assert.True(Launch());
    }

    [Fact]
    public void A_build_during_which_the_sources_changed_is_not_trusted_even_when_the_change_is_undone()
    {
        // The stand-in edits a handler while "building" (as a person saving a file would), and the edit is undone afterwards.
        var handler = _tree.PathOf("lambdas/SilverTransform/SilverTransformHandler.cs");
        var original = File.ReadAllText(handler);
        StandIn(StandInDotnet.Replace("\"build $(basename \"$2\")\" >> \"$LAUNCH_LOG\"", $"\"build $(basename \"$2\")\" >> \"$LAUNCH_LOG\"; echo '// saved meanwhile' >> '{handler}'", StringComparison.Ordinal));
        Assert.True(Launch());
        File.WriteAllText(handler, original);
        StandIn(StandInDotnet);

        Assert.True(Launch());
        Assert.False(Launch());
    }

    [Fact]
    public void A_failed_build_is_retried_on_the_next_use()
    {
        Assert.True(Launch());
        File.AppendAllText(_tree.PathOf("lambdas/SilverTransform/SilverTransformHandler.cs"), "\n// edited\n");
        StandIn("#!/bin/sh\necho failed >&2\nexit 1");
        Assert.NotEqual(0, Run("functions").ExitCode);

        StandIn(StandInDotnet);
        Assert.True(Launch());
    }
}
