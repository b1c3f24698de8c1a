using Infra.Cli.Docs;
using Tests.Shared;

namespace Infra.Tests.Docs;

/// <summary>The project graph in docs is drawn from the project files, and the compiler reaches nothing that runs data.</summary>
public class ProjectGraphTests
{
    private static readonly ProjectGraph Graph = ProjectGraph.Read(Repository.Root);

    [Fact]
    public void The_picture_in_docs_is_the_graph_the_project_files_make()
    {
        var page = File.ReadAllText(Repository.PathOf(ProjectGraph.Page));

        Assert.True(page == GeneratedBlock.Replace(page, ProjectGraph.Block, Graph.Mermaid()), $"{ProjectGraph.Page} is stale: run ./infra/dataplatform docs");
    }

    [Fact]
    public void Pulumi_s_compiler_reaches_neither_DuckDB_nor_the_generator_nor_any_function()
    {
        Assert.Null(Graph.CompilerOverreach());
        Assert.NotNull(Graph.PathTo("Pipelines.Cli", name => name.StartsWith("DuckDB", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_declarations_reference_nothing()
    {
        var declarations = Assert.Single(Graph.Projects, project => project.Name == ProjectGraph.Declarations);

        Assert.Empty(declarations.Projects);
        Assert.Empty(declarations.Packages);
    }

    [Fact]
    public void A_compiler_that_reaches_the_local_runner_is_caught_with_the_chain_that_leads_there()
    {
        var graph = new ProjectGraph(
        [
            new("Infra.Cli", "infra", ["Infra.Platform", "Pipelines.Local"], []),
            new("Infra.Platform", "infra", ["Pipelines.Declarations"], []),
            new("Pipelines.Declarations", "pipelines", [], []),
            new("Pipelines.Local", "pipelines", ["Pipelines.DuckDb"], []),
            new("Pipelines.DuckDb", "pipelines", [], ["DuckDB.NET.Data.Full"]),
        ]);

        Assert.Equal(["Infra.Cli", "Pipelines.Local"], graph.CompilerOverreach());
    }

    [Fact]
    public void A_compiler_that_links_DuckDB_directly_is_caught()
    {
        var graph = new ProjectGraph([new("Infra.Cli", "infra", [], ["DuckDB.NET.Data.Full", "YamlDotNet"])]);

        Assert.Equal(["Infra.Cli", "DuckDB.NET.Data.Full"], graph.CompilerOverreach());
        Assert.Null(new ProjectGraph([new("Infra.Cli", "infra", [], ["YamlDotNet"])]).CompilerOverreach());
    }
}
