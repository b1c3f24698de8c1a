using Infra.Cli;
using Infra.Platform.Profiles;
using Infra.Tests.Support;

namespace Infra.Tests.Cli;

/// <summary>Stack fingerprints: what the pull-request workflow compares to preview only the stacks a change alters.</summary>
public class FingerprintTests
{
    private static string Fingerprint(string stack) => StackFingerprint.Of(PlatformProgram.Build(Stacks.Settings(stack)), Repository.Root);

    [Fact]
    public void A_fingerprint_is_stable_and_differs_between_stacks()
    {
        Assert.Equal(Fingerprint("course2"), Fingerprint("course2"));
        Assert.Equal(StackProfiles.All.Count, StackProfiles.All.Select(p => Fingerprint(p.Stack)).Distinct().Count());
    }

    [Fact]
    public void A_functions_source_changes_the_fingerprints_of_exactly_the_stacks_deploying_it()
    {
        using var copy = new SourceTree("lambdas", "pipelines", "Directory.Build.props", "Directory.Packages.props");
        var before = StackProfiles.All.ToDictionary(p => p.Stack, p => StackFingerprint.Of(PlatformProgram.Build(Stacks.Settings(p.Stack)), copy.Root));
        var source = Directory.GetFiles(copy.PathOf("lambdas/WindowedAggregates"), "*.cs").First();
        File.AppendAllText(source, "\n// changed\n");
        var after = StackProfiles.All.ToDictionary(p => p.Stack, p => StackFingerprint.Of(PlatformProgram.Build(Stacks.Settings(p.Stack)), copy.Root));

        Assert.Equal(["dev", "prod", "course3"], StackFingerprint.Changed(after, before));
    }

    [Fact]
    public void Changed_stacks_are_those_differing_from_or_missing_in_the_base_and_all_without_a_base()
    {
        var current = new Dictionary<string, string> { ["dev"] = "a", ["course1"] = "b", ["course2"] = "c" };

        Assert.Empty(StackFingerprint.Changed(current, new Dictionary<string, string>(current)));
        Assert.Equal(["course1", "course2"], StackFingerprint.Changed(current, new Dictionary<string, string> { ["dev"] = "a", ["course1"] = "x" }));
        Assert.Equal(["dev", "course1", "course2"], StackFingerprint.Changed(current, null));
    }

    [Fact]
    public void The_commands_print_json_and_compare_with_a_base_file()
    {
        var host = new FakeHost();
        Assert.Equal(0, CommandLine.Run(["fingerprint"], host));
        var file = Path.Combine(Path.GetTempPath(), $"base-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, host.Stdout.Replace(Fingerprint("course4"), "stale", StringComparison.Ordinal));
        try
        {
            var changed = new FakeHost();
            Assert.Equal(0, CommandLine.Run(["changed-stacks", "--base", file], changed));
            Assert.Equal("[\"course4\"]", changed.Stdout.Trim());

            var missing = new FakeHost();
            Assert.Equal(0, CommandLine.Run(["changed-stacks", "--base", file + ".absent"], missing));
            Assert.Contains("every stack counts as changed", missing.Stderr);
            Assert.Contains("\"prod\"", missing.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
