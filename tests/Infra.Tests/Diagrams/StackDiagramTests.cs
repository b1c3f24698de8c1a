using System.Net;
using System.Text.RegularExpressions;
using Infra.Cli.Diagram;
using Infra.Cli.Docs;
using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Profiles;
using Infra.Tests.Support;

namespace Infra.Tests.Diagrams;

/// <summary>Each stack's picture, derived from its synthesized program: what it draws, that it parses, and that the checked-in copies are current.</summary>
public partial class StackDiagramTests
{
    private static StackDiagram Diagram(string stack) => DiagramBuilder.Build(PlatformProgram.Build(Stacks.Settings(stack)), stack);

    [Theory]
    [MemberData(nameof(Stacks.Lakehouses), MemberType = typeof(Stacks))]
    public void Every_function_stream_state_machine_and_layer_of_a_stack_is_drawn(string stack)
    {
        var program = PlatformProgram.Build(Stacks.Settings(stack));
        var drawn = DiagramBuilder.Build(program, stack).Nodes.SelectMany(n => n.Members).ToHashSet();
        var expected = program.Resources
            .Where(r => r.Type is "aws:lambda:Function" or "aws:kinesis:Stream" or "aws:kinesis:FirehoseDeliveryStream" or "aws:sfn:StateMachine" or "aws:athena:Workgroup" or "aws:rds:Instance")
            .Select(r => r.Name)
            .Concat(["bronze-bucket", "silver-bucket", "gold-bucket", "notifications-topic"]);

        Assert.All(expected, name => Assert.Contains(name, drawn));
        Assert.DoesNotContain("access-logs-bucket", drawn);
    }

    [Fact]
    public void A_stack_of_every_course_draws_the_courses_repeated_pipeline_once_with_the_edges_of_all_its_copies()
    {
        var dev = Diagram("dev");

        var pipeline = Assert.Single(dev.Nodes, n => n.Lane == Lane.Orchestration && n.Shape == Shape.Rounded);
        Assert.Equal(["course1-pipeline-state-machine", "course2-pipeline-state-machine", "course3-pipeline-state-machine", "course4-pipeline-state-machine"], pipeline.Members);
        Assert.Contains(dev.Edges, e => e.From == pipeline.Id && e.To == "db-extract" && e.Label == "invokes");
        Assert.Contains(dev.Edges, e => e.From == pipeline.Id && e.To == "rest-ingestion" && e.Label == "invokes");
        Assert.DoesNotContain(dev.Nodes, n => n.Id.StartsWith("course1-", StringComparison.Ordinal));
        Assert.Contains(Diagram("course3").Nodes, n => n.Id == "course3-pipeline-state-machine");
    }

    [Fact]
    public void Course3_shows_its_pipeline_from_source_to_gold_as_the_program_grants_it()
    {
        var edges = Diagram("course3").Edges.Select(e => $"{e.From} {e.Label} {e.To}").ToList();

        Assert.Contains("database extracts db-extract", edges);
        Assert.Contains("db-extract reads, writes bronze-bucket", edges);
        Assert.Contains("silver-transform writes silver-bucket", edges);
        Assert.Contains("course3-pipeline-state-machine invokes db-extract", edges);
        Assert.Contains("course3-pipeline-state-machine invokes silver-transform", edges);
        Assert.Contains("course3-pipeline-state-machine queries pipeline-workgroup", edges);
        Assert.Contains("course3-pipeline-state-machine reads, writes gold-bucket", edges);
        Assert.Contains("course3-pipeline-schedule starts course3-pipeline-state-machine", edges);
        Assert.Contains("orders-stream reads orders-windows", edges);
        Assert.Contains("bronze-bucket reads raw-zone-crawler", edges);
        Assert.Contains("raw-zone-crawler tables bronze-database", edges);
        Assert.Contains("lake-formation governs gold-bucket", edges);
        Assert.Contains("alarms alarm notifications-topic", edges);
        Assert.DoesNotContain(edges, e => e.Contains("rest-ingestion", StringComparison.Ordinal));
    }

    [Fact]
    public void An_edge_exists_only_where_the_program_grants_it()
    {
        var granted = DiagramBuilder.Build(Fixture(withGrant: true), "fixture");
        var withheld = DiagramBuilder.Build(Fixture(withGrant: false), "fixture");

        Assert.Equal([new DiagramEdge("loader", "landing", "writes", Flow.Data)], granted.Edges);
        Assert.Empty(withheld.Edges);
        Assert.Empty(withheld.Nodes);
    }

    [Fact]
    public void Actors_sharing_a_role_each_draw_its_grants()
    {
        var program = Fixture(withGrant: true);
        program.Add(new Resource("second-loader", "aws:lambda:Function", new MapValue { ["role"] = new Reference("loader-role", "arn") }));

        var edges = DiagramBuilder.Build(program, "fixture").Edges;

        Assert.Contains(new DiagramEdge("loader", "landing", "writes", Flow.Data), edges);
        Assert.Contains(new DiagramEdge("second-loader", "landing", "writes", Flow.Data), edges);
    }

    private static PulumiProgram Fixture(bool withGrant)
    {
        var program = new PulumiProgram("fixture");
        program.Add(new Resource("landing", "aws:s3:Bucket"));
        program.Add(new Resource("loader-role", "aws:iam:Role"));
        program.Add(new Resource("loader", "aws:lambda:Function", new MapValue { ["role"] = new Reference("loader-role", "arn") }));
        var statements = new ListValue
        {
            new MapValue { ["Effect"] = "Allow", ["Action"] = new ListValue { "logs:PutLogEvents" }, ["Resource"] = new ListValue { "*" } },
        };
        if (withGrant)
        {
            statements.Add(new MapValue
            {
                ["Effect"] = "Allow",
                ["Action"] = new ListValue { "s3:PutObject" },
                ["Resource"] = new ListValue { new Interpolation([new Reference("landing", "arn"), new Text("/in/*")]) },
            });
        }
        program.Add(new Resource("loader-permissions", "aws:iam:RolePolicy", new MapValue
        {
            ["role"] = new Reference("loader-role", "id"),
            ["policy"] = Fn.ToJson(new MapValue { ["Version"] = "2012-10-17", ["Statement"] = statements }),
        }));
        return program;
    }

    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void The_mermaid_of_every_stack_parses_with_mermaids_own_parser(string stack)
    {
        var (valid, error) = MermaidParser.Parse(MermaidWriter.Write(Diagram(stack)));

        Assert.True(valid, error);
    }

    [Fact]
    public void The_mermaid_check_rejects_a_broken_diagram()
    {
        var broken = MermaidWriter.Write(Diagram("course1")).Replace("-->|reads|", "-->|reads", StringComparison.Ordinal);

        Assert.False(MermaidParser.Parse(broken).Valid);
    }

    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void The_checked_in_diagrams_match_the_stack(string stack)
    {
        var diagram = Diagram(stack);
        var mermaid = File.ReadAllText(Repository.PathOf(StackDocs.MermaidPath(stack)));
        var svg = File.ReadAllText(Repository.PathOf(StackDocs.SvgPath(stack)));

        Assert.True(mermaid == MermaidWriter.Write(diagram), $"{StackDocs.MermaidPath(stack)} is stale: run ./infra/dataplatform docs");
        Assert.True(SvgTitles(svg).SetEquals(Titles(diagram)), $"{StackDocs.SvgPath(stack)} is stale: run ./infra/dataplatform docs");
    }

    [Fact]
    public void A_stale_svg_is_told_apart_from_a_current_one()
    {
        var diagram = Diagram("course2");
        var svg = File.ReadAllText(Repository.PathOf(StackDocs.SvgPath("course2")));
        var withoutAnEdge = diagram with { Edges = diagram.Edges.Skip(1).ToList() };

        Assert.False(SvgTitles(svg).SetEquals(Titles(withoutAnEdge)));
    }

    [Fact]
    public void Graphviz_renders_every_node_and_edge_of_the_dot_program()
    {
        var diagram = Diagram("course4");

        var svg = Graphviz.ToSvg(DotWriter.Write(diagram));

        Assert.Equal(Titles(diagram).Order(), SvgTitles(svg).Order());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("course1")]
    [InlineData("course2")]
    [InlineData("course3")]
    [InlineData("course4")]
    public void Orchestration_is_a_row_above_the_functions_it_starts_and_alerts_a_row_below_the_data(string stack)
    {
        var diagram = Diagram(stack);
        var heights = NodeHeights(File.ReadAllText(Repository.PathOf(StackDocs.SvgPath(stack))));
        double[] Of(Lane lane) => [.. diagram.Nodes.Where(n => n.Lane == lane).Select(n => heights[n.Id])];

        // SVG's y grows downwards.
        Assert.True(Of(Lane.Orchestration).Max() < Of(Lane.Functions).Min(), $"{stack}: orchestration is not above the functions");
        Assert.True(Of(Lane.Monitoring).Min() > Of(Lane.Functions).Concat(Of(Lane.Lakehouse)).Max(), $"{stack}: failures and alerts are not below the functions and the lakehouse");
        Assert.DoesNotContain("cluster_orchestration\" {\n    label=\"Orchestration\"; style=\"rounded,dashed\"; color=\"#a0aec0\"; rank=same;", DotWriter.Write(diagram));
    }

    [Fact]
    public void The_command_prints_the_formats_and_names_an_unknown_one()
    {
        var host = new FakeHost();
        Assert.Equal(0, Infra.Cli.CommandLine.Run(["diagram", "--stack", "course2"], host));
        Assert.StartsWith("flowchart LR", host.Stdout);
        Assert.Contains("n_rest_ingestion_api", host.Stdout);

        var dot = new FakeHost();
        Assert.Equal(0, Infra.Cli.CommandLine.Run(["diagram", "--stack", "course2", "--format", "dot"], dot));
        Assert.StartsWith("digraph \"course2\"", dot.Stdout);

        var folder = Path.Combine(Path.GetTempPath(), $"diagram-{Guid.NewGuid():N}");
        try
        {
            Assert.Equal(0, Infra.Cli.CommandLine.Run(["diagram", "--stack", "course1", "--out", folder], new FakeHost()));
            Assert.Equal(MermaidWriter.Write(Diagram("course1")), File.ReadAllText(Path.Combine(folder, "course1.mmd")));
            Assert.Equal(Titles(Diagram("course1")), SvgTitles(File.ReadAllText(Path.Combine(folder, "course1.svg"))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var wrong = new FakeHost();
        Assert.Equal(Infra.Cli.CommandLine.UsageExit, Infra.Cli.CommandLine.Run(["diagram", "--format", "png"], wrong));
        Assert.Contains("--format is mermaid, dot or svg, not 'png'", wrong.Stderr);
    }

    /// <summary>What Graphviz names in an SVG: each node by its id, each edge as <c>from-&gt;to</c>; not the graph or its clusters.</summary>
    private static HashSet<string> SvgTitles(string svg) =>
        [.. TitlePattern().Matches(svg).Skip(1).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(t => !t.StartsWith("cluster_", StringComparison.Ordinal))];

    /// <summary>The names a rendering must hold: every node, every edge (the lanes' invisible ordering edges are not drawn).</summary>
    private static HashSet<string> Titles(StackDiagram diagram) => [.. diagram.Nodes.Select(n => n.Id), .. diagram.Edges.Select(e => $"{e.From}->{e.To}")];

    /// <summary>Each node's height in a Graphviz SVG: the y of its first line of text, by node id.</summary>
    private static Dictionary<string, double> NodeHeights(string svg) =>
        NodePattern().Matches(svg).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("class=\"node\">\\s*<title>([^<]*)</title>.*?<text[^>]* y=\"([-0-9.]+)\"", RegexOptions.Singleline)]
    private static partial Regex NodePattern();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();
}
