using System.IO.Compression;
using Infra.Cli;
using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Tests.Support;
using Pipelines.Declarations.Functions;

namespace Infra.Tests.Cli;

/// <summary>
/// Synthesis deploys only what the sources say now: a function archive built from other sources (an edited gold
/// model, an edited handler, an undone edit) is refused with the command that rebuilds it.
/// </summary>
public sealed class ArtifactCheckTests : IDisposable
{
    private const string GoldModel = "pipelines/Pipelines.Declarations/Models/course3/sales_report.sql";
    private const string SilverHandler = "lambdas/SilverTransform/SilverTransformHandler.cs";
    private readonly SourceTree _tree = new("lambdas", "pipelines", "stacks", "Pulumi.yaml", "Directory.Build.props", "Directory.Packages.props");

    private static FunctionContract Silver => SilverTransformContract.Function;

    public void Dispose() => _tree.Dispose();

    private void Package(FunctionContract function, string? stamp)
    {
        var path = _tree.PathOf(function.ArtifactPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(archive.CreateEntry(FunctionContract.Handler).Open()))
        {
            writer.Write("#!/bin/sh\n");
        }
        if (stamp is not null)
        {
            using var writer = new StreamWriter(archive.CreateEntry(FunctionSources.StampEntry).Open());
            writer.WriteLine(stamp);
        }
    }

    private void PackageCurrent(FunctionContract function) => Package(function, FunctionSources.Fingerprint(function, _tree.Root));

    private ArtifactState State(FunctionContract function) => FunctionSources.State(function, _tree.Root);

    [Fact]
    public void An_archive_stamped_with_its_sources_is_current_until_a_gold_model_or_handler_changes_and_again_once_undone()
    {
        PackageCurrent(Silver);
        Assert.Equal(ArtifactState.Current, State(Silver));

        var model = File.ReadAllText(_tree.PathOf(GoldModel));
        File.WriteAllText(_tree.PathOf(GoldModel), model + "\n-- edited\n");
        Assert.Equal(ArtifactState.Stale, State(Silver));
        File.WriteAllText(_tree.PathOf(GoldModel), model);
        Assert.Equal(ArtifactState.Current, State(Silver));

        File.AppendAllText(_tree.PathOf(SilverHandler), "\n// edited\n");
        Assert.Equal(ArtifactState.Stale, State(Silver));
    }

    [Fact]
    public void A_new_or_deleted_source_file_makes_the_archive_stale()
    {
        PackageCurrent(Silver);
        File.WriteAllText(_tree.PathOf("lambdas/SilverTransform/Added.cs"), "// new\n");
        Assert.Equal(ArtifactState.Stale, State(Silver));

        File.Delete(_tree.PathOf("lambdas/SilverTransform/Added.cs"));
        Assert.Equal(ArtifactState.Current, State(Silver));
        File.Delete(_tree.PathOf("lambdas/SilverTransform/SilverTransformMessages.cs"));
        Assert.Equal(ArtifactState.Stale, State(Silver));
    }

    [Fact]
    public void Another_functions_edit_leaves_the_archive_current()
    {
        PackageCurrent(Silver);
        File.AppendAllText(Directory.GetFiles(_tree.PathOf("lambdas/WindowedAggregates"), "*.cs").First(), "\n// edited\n");

        Assert.Equal(ArtifactState.Current, State(Silver));
    }

    [Fact]
    public void An_archive_without_a_stamp_unreadable_or_absent_is_not_current()
    {
        Assert.Equal(ArtifactState.Missing, State(Silver));
        Package(Silver, stamp: null);
        Assert.Equal(ArtifactState.Unstamped, State(Silver));
        File.WriteAllText(_tree.PathOf(Silver.ArtifactPath), "not a zip");
        Assert.Equal(ArtifactState.Unreadable, State(Silver));
    }

    [Fact]
    public void Synthesis_refuses_a_stale_archive_naming_it_and_the_command_that_rebuilds_it()
    {
        foreach (var function in FunctionContracts.All)
        {
            PackageCurrent(function);
        }
        var current = new FakeHost(workingDirectory: _tree.Root);
        Assert.True(CommandLine.Run(["synth", "--stack", "course3"], current) == 0, current.Stderr);

        File.AppendAllText(_tree.PathOf(GoldModel), "\n-- edited\n");
        var stale = new FakeHost(workingDirectory: _tree.Root);

        Assert.Equal(1, CommandLine.Run(["synth", "--stack", "course3"], stale));
        Assert.Equal("", stale.Stdout);
        Assert.Contains($"'{Silver.ArtifactPath}' was built from other sources", stale.Stderr);
        Assert.Contains(FunctionContract.PackageCommand, stale.Stderr);
    }

    [Fact]
    public void Packaging_reads_each_functions_archive_state_and_fingerprint_from_one_command()
    {
        PackageCurrent(Silver);
        var host = new FakeHost(workingDirectory: _tree.Root);

        Assert.Equal(0, CommandLine.Run(["function-archives"], host));

        var lines = host.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(FunctionContracts.All.Select(f => f.Artifact), lines.Select(l => l[0]));
        Assert.Equal(["silver-transform", "SilverTransform", "current", FunctionSources.Fingerprint(Silver, _tree.Root)], lines.Single(l => l[0] == Silver.Artifact));
        Assert.All(lines.Where(l => l[0] != Silver.Artifact), l => Assert.Equal("missing", l[2]));
    }

    [Fact]
    public void A_file_the_program_reads_that_does_not_exist_is_named()
    {
        var program = new PulumiProgram("p");
        program.Add(new Resource("fn", "aws:lambda:Function", new MapValue
        {
            ["code"] = Fn.FileArchive("artifacts/other/nothing-here.zip"),
            ["readme"] = Fn.ReadFile("Pulumi.yaml"),
        }));

        Assert.Equal(["'artifacts/other/nothing-here.zip' does not exist"], ArtifactCheck.Problems(program, _tree.Root));
    }
}
