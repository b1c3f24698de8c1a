using Infra.Platform.Components.Ingestion;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Data.Lakehouse;
using Pipelines.Data.Orchestration;
using Pipelines.Data.Sql;
using Pipelines.DuckDb;
using Pipelines.Local;

namespace Infra.Tests.Orchestration;

/// <summary>
/// The deployed artifact rehearsed: a course's state machine, as synthesized, runs over the silver a local run
/// produced, every Athena statement it sends run on DuckDB through the one translation — and its gold equals
/// local mode's, row for row. A SQL string that differs between the state machine and local mode fails here.
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

    /// <summary>Runs local mode, then the stack's state machine with its statements on DuckDB; returns the gold models whose rows differ.</summary>
    private async Task<List<string>> RehearseAsync(string course, Func<string, string> definitionAsDeployed)
    {
        await LocalRunner.RunAsync(new LocalRunOptions(course, _state) { Scale = 0.3 }, new Quiet(), CancellationToken.None);
        var pipeline = CoursePipelines.For(course, CourseCatalog.Data);
        var silverRoot = new LocalFunctions(Path.Combine(_state, course, course), null).SilverRoot;
        var stack = Stacks.Deploy(course);
        var silverDb = (string)stack.Resource("silver-database").Outputs["name"]!;
        var goldDb = (string)stack.Resource("gold-database").Outputs["name"]!;

        using var tables = new DuckDbTables();
        // Local mode's gold, as local mode builds it.
        foreach (var dataset in pipeline.Silver)
        {
            GoldRunner.LoadCurrentSilver(tables, dataset, Path.Combine(silverRoot, dataset.Name));
        }
        GoldRunner.Run(tables, pipeline.Gold);
        // The stack's catalog over the same files: silver tables with Athena's "$path", the merge models' Iceberg tables.
        tables.Execute($"CREATE SCHEMA {silverDb}; CREATE SCHEMA {goldDb}");
        foreach (var dataset in pipeline.Silver)
        {
            tables.Execute($"CREATE VIEW {silverDb}.{dataset.Name} AS SELECT *, filename AS \"$path\" FROM read_parquet({QualitySql.Literal(Path.Combine(silverRoot, dataset.Name, "**", "*.parquet"))}, hive_partitioning = true, filename = true)");
        }
        foreach (var model in pipeline.Gold.Where(m => m.MergeOn is not null))
        {
            tables.Execute($"CREATE TABLE {goldDb}.{model.Name} ({string.Join(", ", model.Columns.Select(c => $"{c.Name} {c.Type}"))})");
        }

        using var athena = new AthenaOnDuckDb(tables);
        var run = StateMachineRun.Execute(definitionAsDeployed((string)stack.Resource($"{course}-pipeline-state-machine").Input("definition")!), athenaEndpoint: athena.Endpoint);

        Assert.True(run.Status == "SUCCEEDED", $"{run.Error}: {run.Cause}");
        Assert.Contains(athena.Statements, statement => statement.StartsWith("SELECT dataset, rule, violations", StringComparison.Ordinal));
        Assert.All(pipeline.Gold, model => Assert.True(tables.Count($"SELECT count(*) FROM gold.{model.Name}") > 0, $"gold {model.Name} is empty"));
        return [.. pipeline.Gold.Where(model => Differing(tables, $"{goldDb}.{model.Name}", $"gold.{model.Name}") > 0).Select(model => model.Name)];
    }

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
