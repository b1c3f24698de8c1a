using Infra.Cli.Docs;
using Infra.Platform.Profiles;
using Infra.Tests.Support;

namespace Infra.Tests.Docs;

/// <summary>The learner guides: one per course stack, their generated diagram and cost current, and the README pointing at them.</summary>
public class GuideTests
{
    public static readonly TheoryData<string> Courses = new(StackDocs.GuidedStacks.Select(p => p.Stack));

    private static string Guide(string stack) => File.ReadAllText(Repository.PathOf(StackDocs.GuidePath(stack)));

    [Theory]
    [MemberData(nameof(Courses))]
    public void Each_guide_holds_its_stacks_current_diagram_and_cost(string stack)
    {
        var guide = Guide(stack);

        Assert.Equal([StackDocs.DiagramBlock, StackDocs.CostBlock], GeneratedBlock.Names(guide));
        Assert.True(guide == StackDocs.RefreshGuide(guide, stack, PlatformProgram.Build(Stacks.Settings(stack))), $"{StackDocs.GuidePath(stack)} is stale: run ./infra/dataplatform docs");
        Assert.Contains("```mermaid\nflowchart LR", guide);
        Assert.Contains("idle total (rough)", guide);
    }

    [Fact]
    public void The_stacks_readme_holds_the_current_table_of_stacks_read_from_their_programs()
    {
        var readme = File.ReadAllText(Repository.PathOf(StackDocs.StacksReadme));
        var table = StackTable.Markdown(StackProfiles.All.Select(p => (p, PlatformProgram.Build(Stacks.Settings(p.Stack)))));

        Assert.True(readme == GeneratedBlock.Replace(readme, StackTable.Block, table), $"{StackDocs.StacksReadme} is stale: run ./infra/dataplatform docs");
        Assert.Contains("| course3 | course | course3 | destroyable | orders-stream (on demand", table);
        Assert.Contains("| course1 | course | course1 | destroyable | sessions-stream (on demand", table);
    }

    [Theory]
    [MemberData(nameof(Courses))]
    public void Each_guide_links_its_diagram_and_says_how_to_try_deploy_and_destroy(string stack)
    {
        var guide = Guide(stack);
        var number = stack["course".Length..];

        Assert.Contains($"(../diagrams/{stack}.svg)", guide);
        Assert.Contains($"local run --course {number}", guide);
        Assert.Contains($"pulumi stack select {stack}", guide);
        Assert.Contains("pulumi destroy", guide);
        Assert.Contains("| the course used | this stack uses | why |", guide);
        Assert.True(File.Exists(Repository.PathOf(StackDocs.SvgPath(stack))));
    }

    [Fact]
    public void A_stale_generated_block_is_noticed_and_a_missing_one_is_named()
    {
        var guide = Guide("course3");
        var stale = guide.Replace("idle total (rough)", "idle total (a guess)", StringComparison.Ordinal);

        Assert.NotEqual(stale, StackDocs.RefreshGuide(stale, "course3", PlatformProgram.Build(Stacks.Settings("course3"))));
        var error = Assert.Throws<InvalidOperationException>(() => GeneratedBlock.Replace("# no blocks here", StackDocs.CostBlock, "x"));
        Assert.Contains("no generated block 'cost'", error.Message);
    }

    [Fact]
    public void The_readme_embeds_the_dev_diagram_and_links_every_course_guide()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));

        Assert.Contains($"]({StackDocs.SvgPath("dev")})", readme);
        Assert.All(StackDocs.GuidedStacks, p => Assert.Contains($"]({StackDocs.GuidePath(p.Stack)})", readme));
    }
}
