using Infra.Model.Values;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Sql;

namespace Infra.Platform.Components.Orchestration;

/// <summary>
/// A gold table model is built each execution as a table of its run (<c>{model}__r{run}</c> at
/// <c>{model}/r{run}/</c>), which the model's view then serves. The states here run after the view has moved:
/// they delete the objects of every older run, then every older run's table. The run id is the execution's
/// start time as digits, so "older" is a string comparison; the current run and any newer one (an execution
/// started later) are never touched. Each call retries its transient errors; a cleanup that still fails
/// publishes a notice and the run goes on (the old runs are retried by the next execution's cleanup).
/// </summary>
public static class GoldCleanup
{
    public const string GlueGetTables = "arn:aws:states:::aws-sdk:glue:getTables";
    public const string GlueDeleteTable = "arn:aws:states:::aws-sdk:glue:deleteTable";
    public const string S3ListObjects = "arn:aws:states:::aws-sdk:s3:listObjectsV2";
    public const string S3DeleteObject = "arn:aws:states:::aws-sdk:s3:deleteObject";

    /// <summary>
    /// The run id: <c>$$.Execution.StartTime</c> (<c>2026-12-07T15:41:13.123Z</c>) as its date and time digits,
    /// <c>20261207154113</c>. Each split is on one character, so it reads the same however a splitter of
    /// several characters would be taken; the seconds lose their fraction and zone whether or not they have one.
    /// </summary>
    public static readonly string RunIdIntrinsic = RunId("$$.Execution.StartTime");

    private static string RunId(string startTime)
    {
        static string Item(string array, int index) => $"States.ArrayGetItem({array}, {index})";
        static string Split(string text, char on) => $"States.StringSplit({text}, '{on}')";
        var date = Split(Item(Split(startTime, 'T'), 0), '-');
        var time = Split(Item(Split(startTime, 'T'), 1), ':');
        var seconds = Item(Split(Item(Split(Item(time, 2), 'Z'), 0), '.'), 0);
        return $"States.Format('{{}}{{}}{{}}{{}}{{}}{{}}', {Item(date, 0)}, {Item(date, 1)}, {Item(date, 2)}, {Item(time, 0)}, {Item(time, 1)}, {seconds})";
    }

    /// <summary>Where the plan keeps the run id.</summary>
    public const string RunIdPath = "$.plan.run";

    /// <summary>The prefix of a model's runs in the gold bucket: each run's objects are under <c>{model}/r{run}/</c>.</summary>
    public static string RunPrefix(GoldModel model) => $"{model.Name}/r";

    /// <summary>The catalog table of one run of the model.</summary>
    public static string RunTable(GoldModel model, string run) => $"{model.Name}{AthenaGoldSql.RunSeparator}{run}";

    /// <summary>Whether the model is built as run tables behind a view (not a view itself, not merged into an Iceberg table).</summary>
    public static bool Applies(GoldModel model) => !model.IsView && model.MergeOn is null;

    /// <summary>The states after the view has moved: from <see cref="Entry"/> to <paramref name="next"/>.</summary>
    public static void AddAfterSwap(MapValue states, string name, GoldModel model, string goldDatabase, Value topic, string next)
    {
        var failed = $"{name}_CleanupFailed";
        var notice = new ListValue { new MapValue { ["ErrorEquals"] = new ListValue { "States.ALL" }, ["ResultPath"] = "$.cleanup.error", ["Next"] = failed } };
        var listRuns = Entry(name);
        var deleteRuns = $"{name}_DeleteOldRuns";
        var listTables = $"{name}_ListOldTables";
        var dropTables = $"{name}_DropOldTables";

        var anyRuns = $"{name}_AnyOldRuns";
        states[listRuns] = Task(S3ListObjects, new MapValue
        {
            ["Bucket.$"] = "$.plan.goldBucket",
            ["Prefix"] = RunPrefix(model),
            ["Delimiter"] = "/",
            ["MaxKeys"] = 100,
        }, null, "$.cleanup.runs", anyRuns, notice);
        // A path that selects nothing fails an execution past any Catch (States.Runtime): look before reading.
        states[anyRuns] = new MapValue
        {
            ["Type"] = "Choice",
            ["Choices"] = new ListValue { new MapValue { ["Variable"] = "$.cleanup.runs.CommonPrefixes", ["IsPresent"] = true, ["Next"] = deleteRuns } },
            ["Default"] = listTables,
        };
        states[deleteRuns] = StateMachineStates.With(StateMachineStates.InlineMap("$.cleanup.runs.CommonPrefixes", 4, $"{name}_IsOldRun", DeleteRun(name)),
            ("ItemSelector", new MapValue
            {
                ["bucket.$"] = "$.plan.goldBucket",
                ["prefix.$"] = "$$.Map.Item.Value.Prefix",
                ["current.$"] = $"States.Format('{RunPrefix(model)}{{}}/', {RunIdPath})",
            }),
            ("ResultPath", Null.Instance), ("Catch", notice), ("Next", listTables));
        // Glue reads the expression as a regular expression; the Choice below matches the whole name again.
        states[listTables] = Task(GlueGetTables, new MapValue
        {
            ["DatabaseName"] = goldDatabase,
            ["Expression"] = $"^{RunTable(model, "[0-9]+")}$",
            // The run's own table is always listed (it was just created), so the list is never empty.
            ["MaxResults"] = 50,
        }, new MapValue { ["names.$"] = "$.TableList[*].Name" }, "$.cleanup.tables", dropTables, notice);
        states[dropTables] = StateMachineStates.With(StateMachineStates.InlineMap("$.cleanup.tables.names", 4, $"{name}_IsOldTable", DropTable(name, model, goldDatabase)),
            ("ItemSelector", new MapValue
            {
                ["name.$"] = "$$.Map.Item.Value",
                ["current.$"] = $"States.Format('{RunTable(model, "{}")}', {RunIdPath})",
            }),
            ("ResultPath", Null.Instance), ("Catch", notice), ("Next", next));
        states[failed] = StateMachineStates.Publish(topic, $"Old runs of gold {model.Name} not cleaned",
            Intrinsic.Format($"Run {Intrinsic.Hole} built gold {model.Name} but could not delete its older runs (the next run tries again): {Intrinsic.Hole}",
                "$$.Execution.Name", Intrinsic.JsonToString("$.cleanup.error")),
            "$.cleanup.notice", next, null);
        // The notice is best effort too: a failed publish never fails a run whose gold stands.
        ((MapValue)states[failed])["Catch"] = new ListValue { new MapValue { ["ErrorEquals"] = new ListValue { "States.ALL" }, ["ResultPath"] = "$.cleanup.error", ["Next"] = next } };
    }

    /// <summary>Per listed run prefix: if older than the current run, list and delete its objects until none are left.</summary>
    private static MapValue DeleteRun(string name)
    {
        var isOld = $"{name}_IsOldRun";
        var list = $"{name}_ListRunObjects";
        var any = $"{name}_AnyRunObjects";
        var delete = $"{name}_DeleteRunObjects";
        var done = $"{name}_RunDone";
        return new MapValue
        {
            [isOld] = new MapValue
            {
                ["Type"] = "Choice",
                ["Choices"] = new ListValue { new MapValue { ["Variable"] = "$.prefix", ["StringLessThanPath"] = "$.current", ["Next"] = list } },
                ["Default"] = done,
            },
            [list] = Task(S3ListObjects, new MapValue { ["Bucket.$"] = "$.bucket", ["Prefix.$"] = "$.prefix", ["MaxKeys"] = 200 },
                new MapValue { ["count.$"] = "$.KeyCount", ["objects.$"] = "$" }, "$.listed", any, null),
            // An empty listing has no Contents; KeyCount says so.
            [any] = new MapValue
            {
                ["Type"] = "Choice",
                ["Choices"] = new ListValue { new MapValue { ["Variable"] = "$.listed.count", ["NumericGreaterThan"] = 0, ["Next"] = delete } },
                ["Default"] = done,
            },
            [delete] = StateMachineStates.With(StateMachineStates.InlineMap("$.listed.objects.Contents", 10, $"{name}_DeleteRunObject", new MapValue
                {
                    [$"{name}_DeleteRunObject"] = Task(S3DeleteObject, new MapValue { ["Bucket.$"] = "$.bucket", ["Key.$"] = "$.key" }, null, Null.Instance, null, null),
                }),
                ("ItemSelector", new MapValue { ["bucket.$"] = "$.bucket", ["key.$"] = "$$.Map.Item.Value.Key" }),
                // Deleted objects no longer list: listing again continues with the rest.
                ("ResultPath", Null.Instance), ("Next", list)),
            [done] = new MapValue { ["Type"] = "Succeed" },
        };
    }

    /// <summary>Per listed run table: if it is this model's and older than the current run, delete it from the catalog.</summary>
    private static MapValue DropTable(string name, GoldModel model, string goldDatabase)
    {
        var isOld = $"{name}_IsOldTable";
        var drop = $"{name}_DropOldTable";
        var keep = $"{name}_KeepTable";
        return new MapValue
        {
            [isOld] = new MapValue
            {
                ["Type"] = "Choice",
                ["Choices"] = new ListValue
                {
                    new MapValue
                    {
                        ["And"] = new ListValue
                        {
                            new MapValue { ["Variable"] = "$.name", ["StringMatches"] = RunTable(model, "*") },
                            new MapValue { ["Variable"] = "$.name", ["StringLessThanPath"] = "$.current" },
                        },
                        ["Next"] = drop,
                    },
                },
                ["Default"] = keep,
            },
            [drop] = Task(GlueDeleteTable, new MapValue { ["DatabaseName"] = goldDatabase, ["Name.$"] = "$.name" }, null, Null.Instance, null, null),
            [keep] = new MapValue { ["Type"] = "Succeed" },
        };
    }

    /// <summary>An AWS SDK task with the cleanup's retries: any task error, three times with backoff.</summary>
    private static MapValue Task(string resource, MapValue parameters, MapValue? selector, Value resultPath, string? next, ListValue? catches)
    {
        var state = new MapValue
        {
            ["Type"] = "Task",
            ["Resource"] = resource,
            ["Parameters"] = parameters,
            ["ResultPath"] = resultPath,
            ["Retry"] = new ListValue { StateMachineStates.Retry(["States.TaskFailed"], 2, 3) },
        };
        if (selector is not null)
        {
            state["ResultSelector"] = selector;
        }
        if (catches is not null)
        {
            state["Catch"] = catches;
        }
        if (next is null)
        {
            state["End"] = true;
        }
        else
        {
            state["Next"] = next;
        }
        return state;
    }

    public static string Entry(string name) => $"{name}_ListOldRuns";
}
