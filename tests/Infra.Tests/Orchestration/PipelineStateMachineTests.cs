using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Platform.Components.Ingestion;
using Infra.Platform.Components.Orchestration;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using static Infra.Tests.Support.PolicyJson;
using Pipelines.Declarations.Orchestration;

namespace Infra.Tests.Orchestration;

/// <summary>The course pipelines' state machines as deployed (mocked): derived from the declarations, valid ASL, least privilege.</summary>
public class PipelineStateMachineTests
{
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");

    public static readonly TheoryData<string, string> StacksAndCourses = new()
    {
        { "dev", "course1" }, { "dev", "course2" }, { "dev", "course3" }, { "dev", "course4" }, { "prod", "course4" },
        { "course1", "course1" }, { "course2", "course2" }, { "course3", "course3" }, { "course4", "course4" },
    };

    private static string Definition(DeploymentResult stack, string course) =>
        (string)stack.Resource($"{course}-pipeline-state-machine").Input("definition")!;



    [Theory]
    [MemberData(nameof(StacksAndCourses))]
    public void Every_state_machine_is_valid_amazon_states_language(string stack, string course)
    {
        var (valid, errors) = AslValidator.Validate(Definition(stack == "dev" ? Dev : Stacks.Deploy(stack), course));

        Assert.True(valid, string.Join("\n", errors));
    }

    [Fact]
    public void The_validator_refuses_a_definition_with_a_transition_to_a_missing_state()
    {
        var definition = JsonNode.Parse(Definition(Dev, "course3"))!;
        definition["States"]!.AsObject().Remove("QualityGate");

        var (valid, errors) = AslValidator.Validate(definition.ToJsonString());

        Assert.False(valid);
        Assert.Contains(errors, error => error.Contains("QualityGate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("course1")]
    [InlineData("course2")]
    [InlineData("course3")]
    [InlineData("course4")]
    public void The_states_follow_the_pipelines_steps_in_their_declared_order(string course)
    {
        var pipeline = CoursePipelines.For(course);
        var states = JsonDocument.Parse(Definition(Dev, course)).RootElement.GetProperty("States");

        // Walk the main path: each state's Next (a Choice's Default), from the start.
        var path = new List<string>();
        var current = "Plan";
        while (states.TryGetProperty(current, out var state) && path.Count < 200)
        {
            path.Add(current);
            current = state.TryGetProperty("Next", out var next) ? next.GetString()! : state.TryGetProperty("Default", out var fallback) ? fallback.GetString()! : "";
        }
        var expected = pipeline.Steps.Select(step => step is ExtractStep ? "Extract" : step.Name).Distinct().ToList();
        Assert.Equal(expected, path.Where(expected.Contains).ToList());
        Assert.Equal("NotifySuccess", path[^1]);
        if (pipeline.Extracts.Any())
        {
            var branches = states.GetProperty("Extract").GetProperty("Branches").EnumerateArray().Select(b => b.GetProperty("StartAt").GetString()).ToList();
            Assert.Equal(pipeline.Extracts.Select(step => step.Name), branches);
        }
    }

    [Fact]
    public void Gold_models_run_on_athena_in_the_pipelines_workgroup_against_the_stacks_databases()
    {
        var states = JsonDocument.Parse(Definition(Dev, "course3")).RootElement.GetProperty("States");
        var merge = states.GetProperty("Build_sales_report");
        var parameters = merge.GetProperty("Parameters");

        Assert.Equal("arn:aws:states:::athena:startQueryExecution.sync", merge.GetProperty("Resource").GetString());
        Assert.Equal(Dev.Resource("pipeline-workgroup").Outputs["name"], parameters.GetProperty("WorkGroup").GetString());
        var query = parameters.GetProperty("QueryString").GetString()!;
        Assert.StartsWith("MERGE INTO dataplatform_dev_gold.sales_report AS t", query);
        Assert.Contains("FROM dataplatform_dev_silver.orders_current AS o", query);
        Assert.DoesNotContain(" silver.", query);

        var course4 = JsonDocument.Parse(Definition(Dev, "course4")).RootElement.GetProperty("States");
        var create = course4.GetProperty("Build_fact_orders").GetProperty("Parameters").GetProperty("QueryString.$").GetString()!;
        Assert.StartsWith("States.Format('CREATE TABLE dataplatform_dev_gold.fact_orders__r{}", create);
        Assert.Contains("external_location = \\'s3://{}/fact_orders/r{}/\\'", create);
        Assert.EndsWith("', $.plan.run, $.plan.goldBucket, $.plan.run)", create);
        Assert.Equal("States.Format('CREATE OR REPLACE VIEW dataplatform_dev_gold.fact_orders AS\nSELECT * FROM dataplatform_dev_gold.fact_orders__r{}', $.plan.run)",
            course4.GetProperty("Build_fact_orders_2").GetProperty("Parameters").GetProperty("QueryString.$").GetString());
        Assert.StartsWith("CREATE OR REPLACE VIEW dataplatform_dev_gold.", course4.GetProperty("Refresh").GetProperty("Parameters").GetProperty("QueryString").GetString());
    }

    [Fact]
    public void A_merge_into_s3_tables_runs_in_the_workgroup_whose_results_athena_allows_for_it_and_nothing_else_does()
    {
        var prod = Stacks.Deploy("prod");
        var states = Descendants(JsonNode.Parse(Definition(prod, "course3"))!).OfType<JsonObject>()
            .Where(state => state["Resource"]?.GetValue<string>() == StateMachineStates.AthenaQuery).ToList();
        var tableWrites = (string)prod.Resource("s3-tables-writes-workgroup").Outputs["name"]!;

        var merges = states.Where(state => (state["Parameters"]!["QueryString"]?.GetValue<string>() ?? "").StartsWith("MERGE INTO", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(merges);
        Assert.All(merges, merge => Assert.Equal(tableWrites, merge["Parameters"]!["WorkGroup"]!.GetValue<string>()));
        Assert.All(states.Except(merges), state => Assert.Equal(prod.Resource("pipeline-workgroup").Outputs["name"], state["Parameters"]!["WorkGroup"]!.GetValue<string>()));
    }

    [Fact]
    public void No_statement_reaches_athena_with_an_execution_name_or_anything_else_a_caller_chooses()
    {
        var filled = 0;
        foreach (var course in CoursePipelines.Courses)
        {
            var queries = Descendants(JsonNode.Parse(Definition(Dev, course))!).OfType<JsonObject>()
                .Select(node => node["QueryString.$"]?.GetValue<string>()).OfType<string>().ToList();
            filled += queries.Count;
            foreach (var query in queries)
            {
                // Only the plan's run id (digits of the start time) and the gold bucket (the stack's own) fill a statement.
                var arguments = query[(query.LastIndexOf("',", StringComparison.Ordinal) + 2)..].TrimEnd(')').Split(',', StringSplitOptions.TrimEntries);
                Assert.All(arguments, argument => Assert.Contains(argument, new[] { GoldCleanup.RunIdPath, "$.plan.goldBucket" }));
            }
        }
        Assert.True(filled > 0);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => [o, .. o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants)],
        JsonArray a => [a, .. a.OfType<JsonNode>().SelectMany(Descendants)],
        _ => [node],
    };

    [Fact]
    public void Only_older_runs_of_the_pipelines_table_models_may_be_deleted()
    {
        var gold = (string)Dev.Resource("gold-bucket").Outputs["arn"]!;
        var course4 = Statements(Dev, "course4-pipeline-permissions");
        var deletes = course4.Where(s => Strings(s, "Action").Contains("s3:DeleteObject")).ToList();

        var delete = Assert.Single(deletes);
        Assert.Equal(["s3:DeleteObject"], Strings(delete, "Action"));
        Assert.Contains($"{gold}/fact_orders/r*", Strings(delete, "Resource"));
        Assert.All(Strings(delete, "Resource"), r => Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(gold)}/[a-z0-9_]+/r\\*$", r));
        Assert.DoesNotContain(Statements(Dev, "course3-pipeline-permissions"), s => Strings(s, "Action").Contains("s3:DeleteObject"));
    }

    [Fact]
    public void After_silver_each_datasets_current_view_is_replaced_before_the_gate_reads_it()
    {
        var states = JsonDocument.Parse(Definition(Dev, "course3")).RootElement.GetProperty("States");
        var first = states.GetProperty("SilverTransform").GetProperty("Next").GetString()!;
        var view = states.GetProperty("SilverTransform_Current_orders").GetProperty("Parameters").GetProperty("QueryString").GetString()!;

        Assert.StartsWith("SilverTransform_Current_", first);
        Assert.StartsWith("CREATE OR REPLACE VIEW dataplatform_dev_silver.orders_current AS", view);
        Assert.Contains("FROM dataplatform_dev_silver.orders", view);
        Assert.Contains("regexp_extract(\"$path\"", view);
        var replace = Statements(Dev, "course3-pipeline-permissions").Single(s => s.GetProperty("Sid").GetString() == "ReplaceSilverCurrentViews");
        Assert.Contains("arn:aws:glue:eu-west-1:123456789012:table/dataplatform_dev_silver/*_current", Strings(replace, "Resource"));
    }

    [Fact]
    public void The_gate_stops_the_run_and_names_the_broken_rules_when_its_query_returns_a_row()
    {
        var states = JsonDocument.Parse(Definition(Dev, "course3")).RootElement.GetProperty("States");
        var gate = states.GetProperty("QualityGate").GetProperty("Parameters").GetProperty("QueryString").GetString()!;
        var verdict = states.GetProperty("QualityGate_Verdict");

        Assert.StartsWith("SELECT dataset, rule, violations FROM (", gate);
        Assert.Contains("FROM dataplatform_dev_silver.orderdetails_current", gate);
        var choice = verdict.GetProperty("Choices")[0];
        Assert.Equal("$.gate.rows[1]", choice.GetProperty("Variable").GetString());
        Assert.Equal("QualityGate_Notify", choice.GetProperty("Next").GetString());
        Assert.Equal("QualityGateFailed", states.GetProperty("QualityGate_Notify").GetProperty("Next").GetString());
        Assert.Equal("Fail", states.GetProperty("QualityGateFailed").GetProperty("Type").GetString());
        var metric = states.GetProperty("QualityGate_Metrics");
        Assert.Equal("QualityGate_Metrics", states.GetProperty("QualityGate_Results").GetProperty("Next").GetString());
        Assert.Equal("States.MathAdd(States.ArrayLength($.gate.rows), -1)", metric.GetProperty("Parameters").GetProperty("MetricData")[0].GetProperty("Value.$").GetString());
        var put = Statements(Dev, "course3-pipeline-permissions").Single(s => s.GetProperty("Sid").GetString() == "PublishItsMetrics");
        Assert.Equal("DataPlatform/Pipeline", put.GetProperty("Condition").GetProperty("StringEquals").GetProperty("cloudwatch:namespace").GetString());
    }

    [Fact]
    public void Every_task_retries_and_every_failure_is_published_before_the_run_fails()
    {
        var states = JsonDocument.Parse(Definition(Dev, "course4")).RootElement.GetProperty("States");
        var topic = (string)Dev.Resource("notifications-topic").Outputs["arn"]!;

        // The cleanup of older gold runs is best effort: its failures publish their own notice instead of failing the run.
        static bool Cleanup(JsonProperty state) => state.Name.Contains("Old", StringComparison.Ordinal) || state.Name.EndsWith("_CleanupFailed", StringComparison.Ordinal);
        var cleanup = states.EnumerateObject().Where(s => s.Value.GetProperty("Type").GetString() is "Task" or "Map" && Cleanup(s) && !s.Name.EndsWith("_CleanupFailed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cleanup);
        Assert.All(cleanup, state => Assert.EndsWith("_CleanupFailed", state.Value.GetProperty("Catch")[0].GetProperty("Next").GetString()));
        foreach (var state in states.EnumerateObject().Where(s => s.Value.GetProperty("Type").GetString() is "Task" or "Map" or "Parallel" && !Cleanup(s)))
        {
            if (state.Value.GetProperty("Type").GetString() == "Task")
            {
                Assert.True(state.Value.TryGetProperty("Retry", out _), $"{state.Name} retries");
            }
            if (state.Name != "NotifyFailure" && state.Name != "QualityGate_Notify")
            {
                Assert.True(state.Value.TryGetProperty("Catch", out var catches), $"{state.Name} catches");
                Assert.Equal("NotifyFailure", catches[0].GetProperty("Next").GetString());
            }
        }
        Assert.Equal(topic, states.GetProperty("NotifyFailure").GetProperty("Parameters").GetProperty("TopicArn").GetString());
        Assert.Equal("PipelineFailed", states.GetProperty("NotifyFailure").GetProperty("Next").GetString());
    }

    [Fact]
    public void The_role_may_invoke_only_the_pipelines_functions_query_only_its_workgroup_and_never_delete_data()
    {
        var statements = Statements(Dev, "course3-pipeline-permissions");
        var invoke = statements.Single(s => s.GetProperty("Sid").GetString() == "InvokeThePipelinesFunctions");

        Assert.Equal([(string)Dev.Resource("db-extract").Outputs["arn"]!, (string)Dev.Resource("silver-transform").Outputs["arn"]!], Strings(invoke, "Resource"));
        var query = statements.Single(s => s.GetProperty("Sid").GetString() == "QueryInThePipelinesWorkgroups");
        Assert.Equal(["arn:aws:athena:eu-west-1:123456789012:workgroup/dataplatform-dev-pipeline"], Strings(query, "Resource"));
        var actions = statements.SelectMany(s => Strings(s, "Action")).ToList();
        Assert.DoesNotContain(actions, action => action.EndsWith(":*", StringComparison.Ordinal) || action == "s3:DeleteObject");
        var silverWrites = statements.Where(s => Strings(s, "Action").Contains("s3:PutObject")).SelectMany(s => Strings(s, "Resource"));
        Assert.DoesNotContain(silverWrites, resource => resource.StartsWith((string)Dev.Resource("silver-bucket").Outputs["arn"]!, StringComparison.Ordinal));
        var changes = statements.Single(s => s.GetProperty("Sid").GetString() == "ChangeGoldTables");
        Assert.DoesNotContain(Strings(changes, "Resource"), resource => resource.Contains("_silver", StringComparison.Ordinal));
        var course2 = Statements(Dev, "course2-pipeline-permissions").Single(s => s.GetProperty("Sid").GetString() == "InvokeThePipelinesFunctions");
        Assert.Contains(Dev.Resource("rest-ingestion").Outputs["arn"] as string, Strings(course2, "Resource"));
    }

    [Fact]
    public void A_pipeline_without_gold_models_may_not_touch_gold()
    {
        var course2 = Statements(Dev, "course2-pipeline-permissions");
        var course3 = Statements(Dev, "course3-pipeline-permissions");
        var gold = (string)Dev.Resource("gold-bucket").Outputs["arn"]!;

        Assert.Empty(CoursePipelines.For("course2").Gold);
        Assert.DoesNotContain(course2.SelectMany(s => Strings(s, "Resource")), r => r.StartsWith(gold, StringComparison.Ordinal) || r.Contains("_gold", StringComparison.Ordinal));
        // Where Lake Formation governs (dev), gold's data is reached through its grants; the catalog through IAM.
        Assert.Contains(course3.SelectMany(s => Strings(s, "Resource")), r => r.Contains("_gold", StringComparison.Ordinal));
        Assert.Contains(Statements(Stacks.Deploy("course4"), "course4-pipeline-permissions").SelectMany(s => Strings(s, "Resource")),
            r => r.StartsWith((string)Stacks.Deploy("course4").Resource("gold-bucket").Outputs["arn"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void A_schedule_starts_each_state_machine_through_a_role_only_the_scheduler_of_this_account_may_assume()
    {
        foreach (var course in CoursePipelines.Courses)
        {
            var name = $"{course}-pipeline";
            var machine = Dev.Resource($"{name}-state-machine").Outputs["arn"] as string;
            var schedule = Dev.Resource($"{name}-schedule");
            Assert.Equal(machine, schedule.Input("target.arn"));
            Assert.Equal(Dev.Outputs["kmsKeyArn"], schedule.Input("kmsKeyArn"));
            var trust = Assert.Single(Statements(Dev, $"{name}-schedule-role", "assumeRolePolicy"));
            Assert.Equal("scheduler.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
            Assert.Equal("123456789012", trust.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
            var permissions = Statements(Dev, $"{name}-schedule-permissions").ToList();
            Assert.Equal(2, permissions.Count);
            Assert.Equal(["states:StartExecution"], Strings(permissions[0], "Action"));
            Assert.Equal([machine!], Strings(permissions[0], "Resource"));
            Assert.Equal(["kms:Decrypt"], Strings(permissions[1], "Action"));
            Assert.Equal([(string)Dev.Outputs["kmsKeyArn"]!], Strings(permissions[1], "Resource"));
        }
        Assert.DoesNotContain(Dev.OfType("aws:scheduler:Schedule"), s => !s.Name.EndsWith("-pipeline-schedule", StringComparison.Ordinal));
    }

    [Fact]
    public void Logs_are_encrypted_with_the_stack_key_hold_no_execution_data_and_tracing_is_on()
    {
        var machine = Dev.Resource("course4-pipeline-state-machine");
        var logs = Dev.Resource("course4-pipeline-logs");

        Assert.Equal("ERROR", machine.Input("loggingConfiguration.level"));
        Assert.Equal(false, machine.Input("loggingConfiguration.includeExecutionData"));
        Assert.Equal($"{logs.Outputs["arn"]}:*", machine.Input("loggingConfiguration.logDestination"));
        Assert.Equal(true, machine.Input("tracingConfiguration.enabled"));
        Assert.Equal(Dev.Outputs["kmsKeyArn"], logs.Input("kmsKeyId"));
        Assert.Equal("/aws/vendedlogs/states/dataplatform-dev-course4-pipeline", logs.Input("name"));
    }
}
