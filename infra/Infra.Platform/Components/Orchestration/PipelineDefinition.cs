using Infra.Model.Values;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Orchestration;
using Pipelines.Declarations.Sql;
using static Infra.Platform.Components.Orchestration.StateMachineStates;

namespace Infra.Platform.Components.Orchestration;

/// <summary>
/// A course pipeline as an Amazon States Language definition, state for state from its steps:
/// extracts in parallel (one Map per source, each dataset invoked until its run is complete), the silver
/// transform per landed run, the gate as one Athena query whose rows are the broken rules, each gold model
/// and the refresh through Athena, then the notice. Any failure after retries is published and fails the run.
/// </summary>
public static class PipelineDefinition
{
    public const string NotifyFailure = "NotifyFailure";
    public const string Failed = "PipelineFailed";
    public const string GateFailed = "QualityGateFailed";

    /// <summary>The namespace of the metrics the pipelines publish (the gate's broken rules).</summary>
    public const string MetricNamespace = "DataPlatform/Pipeline";
    public const string BrokenRulesMetric = "BrokenRules";

    public static MapValue Build(CoursePipeline pipeline, PipelineTargets targets)
    {
        var states = new MapValue();
        var steps = pipeline.Steps;
        var extracts = steps.OfType<ExtractStep>().ToList();

        // The run id names the gold runs this execution builds (digits only: it reaches SQL as part of a name).
        var plan = new MapValue { ["goldBucket"] = targets.GoldBucket, ["run.$"] = GoldCleanup.RunIdIntrinsic };
        foreach (var extract in extracts)
        {
            plan[extract.Name] = new ListValue(extract.Datasets.Select(dataset => (Value)new MapValue
            {
                ["dataset"] = dataset,
                // Only a run whose bronze a silver dataset reads is transformed (course 2's API lands bronze only).
                ["silver"] = pipeline.Silver.Any(d => d.BronzePrefix == $"{extract.BronzePrefix}/{dataset}"),
                ["continuations"] = 0,
            }));
        }
        var chain = new StateChain().Then("Plan", next => new MapValue { ["Type"] = "Pass", ["Parameters"] = plan, ["ResultPath"] = "$.plan", ["Next"] = next! });
        if (extracts.Count > 0)
        {
            chain.Then("Extract", next => new MapValue
            {
                ["Type"] = "Parallel",
                ["Branches"] = new ListValue(extracts.Select(extract => (Value)ExtractBranch(extract, targets))),
                // Each branch returns its landed runs; one flat list feeds the transform.
                ["ResultSelector"] = new MapValue { ["runs.$"] = "$[*][*]" },
                ["ResultPath"] = "$.extract",
                ["Catch"] = CatchAll(NotifyFailure),
                ["Next"] = next!,
            });
        }
        foreach (var step in steps.Where(step => step is not ExtractStep))
        {
            switch (step)
            {
                case SilverTransformStep silver:
                    chain.Then(silver.Name, next => SilverMap(silver, targets, next!));
                    foreach (var dataset in silver.Datasets)
                    {
                        var view = $"CREATE OR REPLACE VIEW {targets.Databases["silver"]}.{dataset.CurrentView} AS\n" +
                            SilverSql.Current(dataset, $"{targets.Databases["silver"]}.{dataset.Name}", SilverSql.AthenaPath);
                        chain.Then($"{silver.Name}_Current_{dataset.Name}", next => Query(view, false, targets.Athena.Workgroup, targets.Databases["silver"], "$.last", next!, NotifyFailure));
                    }
                    break;
                case QualityGateStep gate:
                    chain.Then(gate.Name, (states, next) => AddGate(states, gate, pipeline.Course, targets, next!));
                    break;
                case GoldModelStep gold:
                    chain.Then(gold.Name, (states, next) => AddModel(states, gold.Name, gold.Model, targets, next!));
                    break;
                case RefreshStep refresh:
                    foreach (var (model, index) in refresh.Models.Select((model, index) => (model, index)))
                    {
                        var name = index == 0 ? refresh.Name : $"{refresh.Name}_{model.Name}";
                        chain.Then(name, (states, next) => AddModel(states, name, model, targets, next!));
                    }
                    break;
                case NotifyStep notify:
                    chain.Then(notify.Name, next => Publish(targets.Topic, $"{pipeline.Course} pipeline succeeded",
                        Intrinsic.Format($"The {pipeline.Course} pipeline run {Intrinsic.Hole} succeeded.", "$$.Execution.Name"), "$.notice", next, NotifyFailure));
                    break;
                default:
                    throw new NotSupportedException($"no state for step {step.Name}");
            }
        }
        chain.AddTo(states, end: null);
        states[NotifyFailure] = Publish(targets.Topic, $"{pipeline.Course} pipeline failed",
            Intrinsic.Format($"The {pipeline.Course} pipeline run {Intrinsic.Hole} failed: {Intrinsic.Hole}", "$$.Execution.Name", Intrinsic.JsonToString("$.error")), "$.notice", Failed, null);
        states[Failed] = new MapValue { ["Type"] = "Fail", ["Error"] = "PipelineFailed", ["Cause"] = "A step failed after its retries; the failure notice holds the error" };
        return new MapValue
        {
            ["Comment"] = $"The {pipeline.Course} pipeline, derived from its declaration (Pipelines.Declarations.Orchestration)",
            ["StartAt"] = "Plan",
            ["States"] = states,
        };
    }

    /// <summary>One source's datasets, each invoked until its run is complete; yields {dataset, silver, manifest}.</summary>
    private static MapValue ExtractBranch(ExtractStep extract, PipelineTargets targets)
    {
        var invoke = $"{extract.Name}_Invoke";
        var complete = $"{extract.Name}_Complete";
        var again = $"{extract.Name}_Continue";
        var landed = $"{extract.Name}_Landed";
        var field = extract.Source == ExtractSource.Database ? "tables" : "resources";
        var iteration = new MapValue
        {
            [invoke] = new MapValue
            {
                ["Type"] = "Task",
                ["Resource"] = LambdaInvoke,
                ["Parameters"] = new MapValue
                {
                    ["FunctionName"] = targets.Function(extract.Function),
                    ["Payload"] = new MapValue { [$"{field}.$"] = Intrinsic.Array("$.dataset") },
                },
                ["ResultSelector"] = new MapValue { ["complete.$"] = "$.Payload.complete", ["run.$"] = "$.Payload.runs[0]" },
                ["ResultPath"] = "$.result",
                ["Retry"] = LambdaRetries(),
                ["Next"] = complete,
            },
            [complete] = new MapValue
            {
                ["Type"] = "Choice",
                ["Choices"] = new ListValue
                {
                    new MapValue { ["Variable"] = "$.result.complete", ["BooleanEquals"] = true, ["Next"] = landed },
                    new MapValue { ["Variable"] = "$.continuations", ["NumericGreaterThanEquals"] = ExtractStep.MaxContinuations, ["Next"] = $"{extract.Name}_Stuck" },
                },
                ["Default"] = again,
            },
            [again] = new MapValue
            {
                ["Type"] = "Pass",
                ["Parameters"] = new MapValue
                {
                    ["dataset.$"] = "$.dataset",
                    ["silver.$"] = "$.silver",
                    ["continuations.$"] = Intrinsic.Add("$.continuations", 1),
                },
                ["Next"] = invoke,
            },
            [$"{extract.Name}_Stuck"] = new MapValue
            {
                ["Type"] = "Fail",
                ["Error"] = "ExtractDidNotFinish",
                ["Cause"] = $"a dataset's run stopped for time {ExtractStep.MaxContinuations} times without completing",
            },
            [landed] = new MapValue
            {
                ["Type"] = "Pass",
                ["Parameters"] = new MapValue { ["dataset.$"] = "$.dataset", ["silver.$"] = "$.silver", ["manifest.$"] = "$.result.run.manifest" },
                ["End"] = true,
            },
        };
        return new MapValue
        {
            ["StartAt"] = extract.Name,
            ["States"] = new MapValue
            {
                // One dataset at a time: the extract functions reserve a concurrency of one.
                [extract.Name] = With(InlineMap($"$.plan.{extract.Name}", 1, invoke, iteration), ("End", true)),
            },
        };
    }

    private static MapValue SilverMap(SilverTransformStep step, PipelineTargets targets, string next)
    {
        var transform = $"{step.Name}_Run";
        var perRun = new MapValue
        {
            [$"{step.Name}_Needed"] = new MapValue
            {
                ["Type"] = "Choice",
                ["Choices"] = new ListValue { new MapValue { ["Variable"] = "$.silver", ["BooleanEquals"] = true, ["Next"] = transform } },
                ["Default"] = $"{step.Name}_BronzeOnly",
            },
            [$"{step.Name}_BronzeOnly"] = new MapValue { ["Type"] = "Pass", ["Result"] = new MapValue { ["transformed"] = false }, ["End"] = true },
            [transform] = new MapValue
            {
                ["Type"] = "Task",
                ["Resource"] = LambdaInvoke,
                ["Parameters"] = new MapValue
                {
                    ["FunctionName"] = targets.Function(Pipelines.Declarations.Functions.SilverTransformContract.Function),
                    ["Payload"] = new MapValue { ["dataset.$"] = "$.dataset", ["manifest.$"] = "$.manifest" },
                },
                ["ResultSelector"] = new MapValue
                {
                    ["dataset.$"] = "$.Payload.dataset",
                    ["in.$"] = "$.Payload.in",
                    ["out.$"] = "$.Payload.out",
                    ["duplicates.$"] = "$.Payload.duplicates",
                    ["quarantined.$"] = "$.Payload.quarantined",
                },
                ["Retry"] = LambdaRetries(),
                ["End"] = true,
            },
        };
        return With(InlineMap("$.extract.runs", 4, $"{step.Name}_Needed", perRun), ("ResultPath", "$.silver"), ("Catch", CatchAll(NotifyFailure)), ("Next", next));
    }

    private static void AddGate(MapValue states, QualityGateStep step, string course, PipelineTargets targets, string next)
    {
        var results = $"{step.Name}_Results";
        var metrics = $"{step.Name}_Metrics";
        var verdict = $"{step.Name}_Verdict";
        var notify = $"{step.Name}_Notify";
        states[step.Name] = Query(QualitySql.Failures(step.Datasets, name => targets.Relation($"silver.{name}")), false,
            targets.Athena.Workgroup, targets.Databases["silver"], "$.gate", results, NotifyFailure);
        states[results] = new MapValue
        {
            ["Type"] = "Task",
            ["Resource"] = AthenaResults,
            ["Parameters"] = new MapValue { ["QueryExecutionId.$"] = "$.gate.queryExecutionId", ["MaxResults"] = 100 },
            ["ResultSelector"] = new MapValue { ["rows.$"] = "$.ResultSet.Rows" },
            ["ResultPath"] = "$.gate",
            ["Retry"] = AthenaRetries(),
            ["Catch"] = CatchAll(NotifyFailure),
            ["Next"] = metrics,
        };
        // Broken rules as a metric per course (0 when the gate passes): the header row is not a rule.
        states[metrics] = new MapValue
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:aws:states:::aws-sdk:cloudwatch:putMetricData",
            ["Parameters"] = new MapValue
            {
                ["Namespace"] = MetricNamespace,
                ["MetricData"] = new ListValue
                {
                    new MapValue
                    {
                        ["MetricName"] = BrokenRulesMetric,
                        ["Dimensions"] = new ListValue { new MapValue { ["Name"] = "Course", ["Value"] = course } },
                        ["Value.$"] = "States.MathAdd(States.ArrayLength($.gate.rows), -1)",
                        ["Unit"] = "Count",
                    },
                },
            },
            ["ResultPath"] = Null.Instance,
            ["Retry"] = new ListValue { Retry(["States.TaskFailed"], 2, 3) },
            ["Catch"] = CatchAll(NotifyFailure),
            ["Next"] = verdict,
        };
        // Row 0 holds the column names; any further row is a broken rule.
        states[verdict] = new MapValue
        {
            ["Type"] = "Choice",
            ["Choices"] = new ListValue { new MapValue { ["Variable"] = "$.gate.rows[1]", ["IsPresent"] = true, ["Next"] = notify } },
            ["Default"] = next,
        };
        states[notify] = Publish(targets.Topic, "Quality gate stopped the pipeline",
            Intrinsic.Format($"The quality gate stopped run {Intrinsic.Hole}; broken rules (dataset, rule, violating rows): {Intrinsic.Hole}", "$$.Execution.Name", Intrinsic.JsonToString("$.gate.rows")),
            "$.notice", GateFailed, null);
        states[GateFailed] = new MapValue { ["Type"] = "Fail", ["Error"] = GateFailed, ["Cause"] = "A quality rule is broken in silver; the notice names rule, dataset and count" };
    }

    /// <summary>A model's statements as consecutive Athena tasks, the first named <paramref name="name"/>; a table model's old runs cleaned after.</summary>
    private static void AddModel(MapValue states, string name, GoldModel model, PipelineTargets targets, string next)
    {
        const string Run = "\u0002run\u0002";
        const string Bucket = "\u0002bucket\u0002";
        var statements = AthenaGoldSql.Statements(model, targets.Relation, new GoldRun(Run, $"s3://{Bucket}/{GoldCleanup.RunPrefix(model)}{Run}/"));
        var cleanup = GoldCleanup.Applies(model);
        var end = cleanup ? GoldCleanup.Entry(name) : next;
        var workgroup = targets.WorkgroupFor(model);
        var chain = new StateChain();
        foreach (var (statement, index) in statements.Select((statement, index) => (statement, index)))
        {
            var (template, paths) = Fill(statement, (Run, GoldCleanup.RunIdPath), (Bucket, "$.plan.goldBucket"));
            var query = paths.Count > 0 ? Intrinsic.Format(template, [.. paths]) : template;
            chain.Then(index == 0 ? name : $"{name}_{index + 1}", after => Query(query, paths.Count > 0, workgroup, targets.Databases["gold"], "$.last", after!, NotifyFailure));
        }
        chain.AddTo(states, end);
        if (cleanup)
        {
            GoldCleanup.AddAfterSwap(states, name, model, targets.Databases["gold"], targets.Topic, next);
        }
    }

    /// <summary>The statement with each placeholder made a hole, and the path that fills each hole, in order.</summary>
    private static (string Template, List<string> Paths) Fill(string statement, params (string Placeholder, string Path)[] placeholders)
    {
        var paths = new List<string>();
        var template = new System.Text.StringBuilder();
        var i = 0;
        while (i < statement.Length)
        {
            var match = placeholders.FirstOrDefault(p => string.CompareOrdinal(statement, i, p.Placeholder, 0, p.Placeholder.Length) == 0);
            if (match.Placeholder is null)
            {
                template.Append(statement[i++]);
                continue;
            }
            template.Append(Intrinsic.Hole);
            paths.Add(match.Path);
            i += match.Placeholder.Length;
        }
        return (template.ToString(), paths);
    }
}
