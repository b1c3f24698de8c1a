using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Platform.Components.Ingestion;
using Infra.Platform.Components.Orchestration;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Orchestration;

namespace Infra.Tests.Orchestration;

/// <summary>
/// The course pipelines' state machines, as synthesized, executed under a States Language interpreter with
/// their tasks answered by a simulated account: what runs, in which order, what a failure leaves behind.
/// </summary>
public class StateMachineExecutionTests
{
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");

    public static readonly TheoryData<string, string> StacksAndCourses = PipelineStateMachineTests.StacksAndCourses;

    private static string Definition(DeploymentResult stack, string course) =>
        (string)stack.Resource($"{course}-pipeline-state-machine").Input("definition")!;

    private static CoursePipeline Pipeline(string course) => CoursePipelines.For(course);

    /// <summary>The first task state each step runs.</summary>
    private static string FirstTask(PipelineStep step) => step switch
    {
        ExtractStep extract => $"{extract.Name}_Invoke",
        SilverTransformStep silver => $"{silver.Name}_Run",
        _ => step.Name,
    };

    private static string GoldBucket(string definition) =>
        JsonNode.Parse(definition)!["States"]!["Plan"]!["Parameters"]!["goldBucket"]!.GetValue<string>();

    private static string GoldDatabase(DeploymentResult stack) => (string)stack.Resource("gold-database").Outputs["name"]!;

    [Theory]
    [MemberData(nameof(StacksAndCourses))]
    public void The_happy_path_succeeds_running_every_declared_step_in_order_and_serves_each_table_model_from_this_run(string stackName, string course)
    {
        var stack = stackName == "dev" ? Dev : Stacks.Deploy(stackName);
        var definition = Definition(stack, course);

        var run = StateMachineRun.Execute(definition);

        Assert.True(run.Status == "SUCCEEDED", $"{run.Error}: {run.Cause}");
        var order = Pipeline(course).Steps.Select(step => run.Calls.ToList().IndexOf(FirstTask(step))).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        var gold = GoldDatabase(stack);
        foreach (var model in Pipeline(course).Gold.Where(GoldCleanup.Applies))
        {
            var table = $"{gold}.{GoldCleanup.RunTable(model, StateMachineRun.RunId)}";
            Assert.Equal(table, run.ViewTarget($"{gold}.{model.Name}"));
            Assert.Contains($"{GoldBucket(definition)}/{GoldCleanup.RunPrefix(model)}{StateMachineRun.RunId}/part-00000.parquet", run.Objects);
        }
        Assert.Contains(run.Published, notice => notice.Subject.EndsWith("pipeline succeeded", StringComparison.Ordinal));
    }

    /// <summary>Every task the happy path runs, but the notices (which end the run either way) and the best-effort cleanup.</summary>
    public static TheoryData<string> Course4Tasks() =>
        [.. StateMachineRun.Execute(Definition(Dev, "course4")).Calls.Distinct().Where(name => !IsCleanup(name) && !name.StartsWith("Notify", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Course4Tasks))]
    public void Each_task_failing_for_good_is_retried_as_declared_then_notified_and_fails_the_run(string state)
    {
        var definition = Definition(Dev, "course4");

        var run = StateMachineRun.Execute(definition, failures: new Dictionary<string, (string, int)> { [state] = ("States.TaskFailed", 1000) });

        Assert.Equal("FAILED", run.Status);
        Assert.Equal(PipelineDefinition.Failed, run.Error);
        // A state inside a map runs once per item that reached it; each retried as declared.
        Assert.InRange(run.Calls.Count(call => call == state), 1 + DeclaredAttempts(definition, state, "States.TaskFailed"), int.MaxValue);
        Assert.Contains(run.Published, notice => notice.Subject.EndsWith("pipeline failed", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Published, notice => notice.Subject.EndsWith("pipeline succeeded", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Lambda.TooManyRequestsException")]
    [InlineData("Lambda.ServiceException")]
    public void A_transient_lambda_error_is_retried_and_the_run_succeeds(string error)
    {
        var run = StateMachineRun.Execute(Definition(Dev, "course4"), failures: new Dictionary<string, (string, int)> { ["SilverTransform_Run"] = (error, 2) });

        Assert.Equal("SUCCEEDED", run.Status);
        Assert.True(run.Calls.Count(call => call == "SilverTransform_Run") > Pipeline("course4").Silver.Count);
    }

    [Fact]
    public void A_broken_quality_rule_stops_the_run_before_any_gold_is_built()
    {
        var run = StateMachineRun.Execute(Definition(Dev, "course4"), gateRows: 1);

        Assert.Equal("FAILED", run.Status);
        Assert.Equal(PipelineDefinition.GateFailed, run.Error);
        Assert.DoesNotContain(run.Calls, call => call.StartsWith("Build_", StringComparison.Ordinal) || call.StartsWith("Refresh", StringComparison.Ordinal));
        Assert.Contains(run.Published, notice => notice.Subject == "Quality gate stopped the pipeline");
    }

    [Fact]
    public void A_failed_rebuild_leaves_the_previous_run_served_and_its_data_in_place()
    {
        var definition = Definition(Dev, "course4");
        var model = Pipeline("course4").Gold.First(GoldCleanup.Applies);
        var (tables, objects, previous) = PreviousRun(definition, model, "20261206010000");

        var run = StateMachineRun.Execute(definition, tables, objects, new Dictionary<string, (string, int)> { [$"Build_{model.Name}"] = ("States.TaskFailed", 1000) });

        Assert.Equal("FAILED", run.Status);
        Assert.Equal(previous, run.ViewTarget($"{GoldDatabase(Dev)}.{model.Name}"));
        Assert.True(run.Tables.ContainsKey(previous));
        Assert.All(objects, key => Assert.Contains(key, run.Objects));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void The_cleanup_deletes_every_older_run_and_never_this_run_a_newer_one_or_another_models(int olderRuns)
    {
        var definition = Definition(Dev, "course4");
        var gold = GoldDatabase(Dev);
        var bucket = GoldBucket(definition);
        var model = Pipeline("course4").Gold.First(GoldCleanup.Applies);
        var tables = new JsonObject();
        var objects = new List<string>();
        void Run(string name, string id)
        {
            tables[$"{gold}.{name}{Pipelines.Declarations.Sql.AthenaGoldSql.RunSeparator}{id}"] = new JsonObject { ["location"] = $"s3://{bucket}/{name}/r{id}/" };
            objects.Add($"{bucket}/{name}/r{id}/part-00000.parquet");
            objects.Add($"{bucket}/{name}/r{id}/part-00001.parquet");
        }
        var older = Enumerable.Range(1, olderRuns).Select(day => $"202612{day:00}000000").ToList();
        older.ForEach(id => Run(model.Name, id));
        Run(model.Name, "20261208000000");
        Run($"big_{model.Name}", "20200101000000");

        var run = StateMachineRun.Execute(definition, tables, objects);

        Assert.Equal("SUCCEEDED", run.Status);
        Assert.All(older, id =>
        {
            Assert.False(run.Tables.ContainsKey($"{gold}.{GoldCleanup.RunTable(model, id)}"));
            Assert.DoesNotContain(run.Objects, key => key.StartsWith($"{bucket}/{model.Name}/r{id}/", StringComparison.Ordinal));
        });
        Assert.True(run.Tables.ContainsKey($"{gold}.{GoldCleanup.RunTable(model, StateMachineRun.RunId)}"));
        Assert.True(run.Tables.ContainsKey($"{gold}.{GoldCleanup.RunTable(model, "20261208000000")}"));
        Assert.True(run.Tables.ContainsKey($"{gold}.big_{model.Name}__r20200101000000"));
        Assert.Contains($"{bucket}/{model.Name}/r20261208000000/part-00001.parquet", run.Objects);
        Assert.Contains($"{bucket}/big_{model.Name}/r20200101000000/part-00000.parquet", run.Objects);
    }

    [Fact]
    public void A_cleanup_that_keeps_failing_is_retried_then_reported_and_the_run_still_succeeds()
    {
        var definition = Definition(Dev, "course4");
        var model = Pipeline("course4").Gold.First(GoldCleanup.Applies);
        var (tables, objects, previous) = PreviousRun(definition, model, "20261206010000");
        var delete = $"Build_{model.Name}_DropOldTable";

        var run = StateMachineRun.Execute(definition, tables, objects, new Dictionary<string, (string, int)> { [delete] = ("Glue.InternalServiceException", 1000) });

        Assert.Equal("SUCCEEDED", run.Status);
        Assert.Equal(1 + DeclaredAttempts(definition, delete, "Glue.InternalServiceException"), run.Calls.Count(call => call == delete));
        Assert.Contains(run.Published, notice => notice.Subject == $"Old runs of gold {model.Name} not cleaned");
        Assert.True(run.Tables.ContainsKey(previous));
        Assert.Equal($"{GoldDatabase(Dev)}.{GoldCleanup.RunTable(model, StateMachineRun.RunId)}", run.ViewTarget($"{GoldDatabase(Dev)}.{model.Name}"));
    }

    [Fact]
    public void The_run_id_is_the_start_time_as_digits_with_or_without_a_fraction_of_a_second()
    {
        var model = Pipeline("course4").Gold.First(GoldCleanup.Applies);

        var run = StateMachineRun.Execute(Definition(Dev, "course4"), startTime: "2026-12-07T09:05:01Z");

        Assert.Equal("SUCCEEDED", run.Status);
        Assert.Equal($"{GoldDatabase(Dev)}.{GoldCleanup.RunTable(model, "20261207090501")}", run.ViewTarget($"{GoldDatabase(Dev)}.{model.Name}"));
    }

    /// <summary>A catalog and bucket where an earlier run built the model and its view serves it.</summary>
    private static (JsonObject Tables, List<string> Objects, string Table) PreviousRun(string definition, GoldModel model, string id)
    {
        var gold = GoldDatabase(Dev);
        var bucket = GoldBucket(definition);
        var table = $"{gold}.{GoldCleanup.RunTable(model, id)}";
        var tables = new JsonObject
        {
            [table] = new JsonObject { ["location"] = $"s3://{bucket}/{GoldCleanup.RunPrefix(model)}{id}/" },
            [$"{gold}.{model.Name}"] = new JsonObject { ["view"] = table },
        };
        return (tables, [$"{bucket}/{GoldCleanup.RunPrefix(model)}{id}/part-00000.parquet"], table);
    }

    private static bool IsCleanup(string state) =>
        state.Contains("Old", StringComparison.Ordinal) || state.Contains("RunObject", StringComparison.Ordinal) || state.EndsWith("_CleanupFailed", StringComparison.Ordinal);

    private static IEnumerable<JsonElement> Nested(JsonElement state)
    {
        if (state.TryGetProperty("Branches", out var branches))
        {
            foreach (var branch in branches.EnumerateArray())
            {
                yield return branch.GetProperty("States");
            }
        }
        if (state.TryGetProperty("ItemProcessor", out var processor))
        {
            yield return processor.GetProperty("States");
        }
    }

    /// <summary>The retries the state declares for an error: the first retrier that matches it.</summary>
    private static int DeclaredAttempts(string definition, string stateName, string error)
    {
        static JsonElement? Find(JsonElement states, string name)
        {
            foreach (var state in states.EnumerateObject())
            {
                if (state.Name == name)
                {
                    return state.Value;
                }
                foreach (var nested in Nested(state.Value))
                {
                    if (Find(nested, name) is { } found)
                    {
                        return found;
                    }
                }
            }
            return null;
        }
        var target = Find(JsonDocument.Parse(definition).RootElement.GetProperty("States"), stateName) ?? throw new InvalidOperationException($"no state {stateName}");
        var retrier = target.GetProperty("Retry").EnumerateArray().First(r => r.GetProperty("ErrorEquals").EnumerateArray()
            .Any(e => e.GetString() is { } name && (name == error || name == "States.ALL" || name == "States.TaskFailed")));
        return retrier.GetProperty("MaxAttempts").GetInt32();
    }
}
