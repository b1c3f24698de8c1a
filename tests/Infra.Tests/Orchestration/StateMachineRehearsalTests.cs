using Infra.Platform.Components.Ingestion;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Orchestration;
using Pipelines.Declarations.Sql;
using Pipelines.DuckDb;
using Pipelines.Local;

namespace Infra.Tests.Orchestration;

/// <summary>
/// The deployed artifact rehearsed: a course's state machine, as synthesized, runs with its Lambda tasks answered by
/// the published function bootstraps (through the Runtime API emulator) over a source database and API on this
/// machine, every Athena statement it sends run on DuckDB through the one translation — and its gold equals local
/// mode's, row for row. A payload shape or a SQL string that differs between the state machine and local mode fails here.
/// </summary>
public sealed class StateMachineRehearsalTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("rehearsal-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private sealed class Quiet : IRunProgress
    {
        public void Started(string course, string step) { }

        public void Finished(StepReport step) { }
    }

    [Theory]
    [InlineData("course3")]
    [InlineData("course4")]
    public async Task The_state_machines_statements_build_the_gold_local_mode_builds(string course)
    {
        var differing = await RehearseAsync(course, definition => definition);

        Assert.Empty(differing);
    }

    [Fact]
    public async Task A_statement_that_differs_from_local_modes_sql_is_caught()
    {
        // One aggregate of a gold model's SQL changed: its rows no longer match local mode's.
        var differing = await RehearseAsync("course4", definition =>
        {
            var at = definition.IndexOf("count(*)", definition.IndexOf("CREATE TABLE", StringComparison.Ordinal), StringComparison.Ordinal);
            return definition[..at] + "count(*) + 1" + definition[(at + "count(*)".Length)..];
        });

        Assert.Single(differing);
    }

    [Fact]
    public async Task A_payload_the_published_function_does_not_accept_fails_the_run_with_the_functions_error()
    {
        // The silver task names the manifest under another key than the function's contract reads.
        var error = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => RehearseAsync("course3",
            definition => definition.Replace("\"manifest.$\":\"$.manifest\"", "\"manifest_key.$\":\"$.manifest\"", StringComparison.Ordinal)));

        Assert.Contains("silver-transform: ", error.Message);
        Assert.Contains("manifest", error.Message);
    }

    /// <summary>
    /// Runs local mode for the gold it builds; then the stack's state machine over a source database and API on this
    /// machine, its Lambda tasks answered by the published bootstraps and its statements run on DuckDB; returns the gold
    /// models whose rows differ.
    /// </summary>
    private async Task<List<string>> RehearseAsync(string course, Func<string, string> definitionAsDeployed)
    {
        var options = new LocalRunOptions(course, _state) { Scale = 0.3 };
        await LocalRunner.RunAsync(options, new Quiet(), CancellationToken.None);
        var pipeline = CoursePipelines.For(course);
        var localSilver = new LocalFunctions(Path.Combine(_state, course, course), null).SilverRoot;
        var stack = Stacks.Deploy(course);
        var silverDb = (string)stack.Resource("silver-database").Outputs["name"]!;
        var goldDb = (string)stack.Resource("gold-database").Outputs["name"]!;

        using var tables = new DuckDbTables();
        // Local mode's gold, as local mode builds it.
        foreach (var dataset in pipeline.Silver)
        {
            GoldRunner.LoadCurrentSilver(tables, dataset, Path.Combine(localSilver, dataset.Name));
        }
        GoldRunner.Run(tables, pipeline.Gold);
        tables.Execute($"CREATE SCHEMA {silverDb}; CREATE SCHEMA {goldDb}");
        foreach (var model in pipeline.Gold.Where(m => m.MergeOn is not null))
        {
            tables.Execute($"CREATE TABLE {goldDb}.{model.Name} ({string.Join(", ", model.Columns.Select(c => $"{c.Name} {c.Type}"))})");
        }

        // The deployed artifact: the same data in a source database and behind the API, read by the published functions.
        var deployed = Path.Combine(_state, "deployed");
        var functions = new LocalFunctions(deployed);
        var data = new CourseData(new GeneratorSettings(Seed: options.Seed, Scale: options.Scale, BadRowRate: options.BadRowRate));
        await using var sources = new ServerSource(data, functions, "mysql", deployed);
        var bound = new Dictionary<string, (Pipelines.Declarations.Functions.FunctionContract, IReadOnlyDictionary<string, string>)>
        {
            [Arn(stack, DatabaseExtraction.Name)] = (Pipelines.Declarations.Functions.DbExtractContract.Function, sources.DatabaseVariables()),
            [Arn(stack, "silver-transform")] = (Pipelines.Declarations.Functions.SilverTransformContract.Function, functions.SilverVariables),
        };
        if (pipeline.Steps.OfType<ExtractStep>().Any(step => step.Source == ExtractSource.Api))
        {
            bound[Arn(stack, RestApiIngestion.Name)] = (Pipelines.Declarations.Functions.RestIngestionContract.Function, await sources.ApiVariablesAsync(CancellationToken.None));
        }
        // The stack's catalog over what the silver function wrote: each silver table once its run is written, with Athena's "$path".
        Task Catalog(Pipelines.Declarations.Functions.FunctionContract function, System.Text.Json.Nodes.JsonNode? request, System.Text.Json.Nodes.JsonNode? response)
        {
            if (function == Pipelines.Declarations.Functions.SilverTransformContract.Function)
            {
                var dataset = request!["dataset"]!.GetValue<string>();
                lock (tables)
                {
                    tables.Execute($"CREATE OR REPLACE VIEW {silverDb}.{dataset} AS SELECT *, filename AS \"$path\" FROM read_parquet({QualitySql.Literal(Path.Combine(functions.SilverRoot, dataset, "**", "*.parquet"))}, hive_partitioning = true, filename = true)");
                }
            }
            return Task.CompletedTask;
        }
        await using var lambdas = await FunctionsOnBootstraps.StartAsync(deployed, bound, Catalog);
        using var athena = new AthenaOnDuckDb(tables);
        var run = StateMachineRun.Execute(definitionAsDeployed((string)stack.Resource($"{course}-pipeline-state-machine").Input("definition")!),
            athenaEndpoint: athena.Endpoint, lambdaEndpoint: lambdas.Endpoint);

        Assert.True(run.Status == "SUCCEEDED", $"{run.Error}: {run.Cause}\n{string.Join("\n", lambdas.Invocations)}");
        Assert.Contains(lambdas.Invocations, call => call.StartsWith($"{Pipelines.Declarations.Functions.DbExtractContract.Function.Artifact}: ", StringComparison.Ordinal));
        Assert.All(pipeline.Silver, dataset => Assert.Contains(lambdas.Invocations, call => call.StartsWith("silver-transform: ", StringComparison.Ordinal) && call.Contains($"\"{dataset.Name}\"", StringComparison.Ordinal)));
        Assert.Contains(athena.Statements, statement => statement.StartsWith("SELECT dataset, rule, violations", StringComparison.Ordinal));
        Assert.All(pipeline.Gold, model => Assert.True(tables.Count($"SELECT count(*) FROM gold.{model.Name}") > 0, $"gold {model.Name} is empty"));
        return [.. pipeline.Gold.Where(model => Differing(tables, $"{goldDb}.{model.Name}", $"gold.{model.Name}") > 0).Select(model => model.Name)];
    }

    private static string Arn(DeploymentResult stack, string function) => (string)stack.Resource(function).Outputs["arn"]!;

    /// <summary>Rows in one relation and not the other, both ways; floating-point columns compared to 6 decimals (summation order is not fixed, and a difference in the last bits would straddle a rounding boundary at more).</summary>
    private static long Differing(DuckDbTables tables, string deployed, string local)
    {
        var columns = new List<string>();
        using (var command = tables.Connection.CreateCommand())
        {
            command.CommandText = $"DESCRIBE {local}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (name, type) = (reader.GetString(0), reader.GetString(1));
                columns.Add(type is "DOUBLE" or "FLOAT" or "REAL" ? $"round(\"{name}\", 6)" : $"\"{name}\"");
            }
        }
        var select = string.Join(", ", columns);
        return tables.Count($"SELECT count(*) FROM ((SELECT {select} FROM {deployed} EXCEPT ALL SELECT {select} FROM {local}) " +
            $"UNION ALL (SELECT {select} FROM {local} EXCEPT ALL SELECT {select} FROM {deployed}))");
    }
}
