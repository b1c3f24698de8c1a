using Infra.Model.Values;
using Pipelines.Data.Lakehouse;

namespace Infra.Platform.Components.Orchestration;

/// <summary>
/// A gold table built with CTAS gets a fresh location each execution (Athena writes CTAS only into an empty
/// one), so the location it had before would stay behind forever. The states here read that location before
/// the table is replaced and delete its objects once the new table stands. Only the location read before
/// this execution's own CTAS is deleted, so the table's current data never is, even when runs overlap.
/// Best effort: a failed lookup, listing or delete skips the cleanup and never fails the run; the gold
/// bucket's versioning keeps deleted objects as noncurrent versions until its lifecycle expires them.
/// </summary>
public static class GoldCleanup
{
    public const string GlueGetTable = "arn:aws:states:::aws-sdk:glue:getTable";
    public const string S3ListObjects = "arn:aws:states:::aws-sdk:s3:listObjectsV2";
    public const string S3DeleteObject = "arn:aws:states:::aws-sdk:s3:deleteObject";

    /// <summary>Where a CTAS model's runs are written, under the gold bucket: <c>{model}/run={execution}/</c>.</summary>
    public static string RunPrefix(GoldModel model) => $"{model.Name}/run=";

    /// <summary>Whether the model is rebuilt with CTAS (not a view, not merged into an Iceberg table).</summary>
    public static bool Applies(GoldModel model) => !model.IsView && model.MergeOn is null;

    /// <summary>The state that records the table's location before it is replaced; it enters the model's states.</summary>
    public static MapValue FindPrevious(GoldModel model, string goldDatabase, string next) => new()
    {
        ["Type"] = "Task",
        ["Resource"] = GlueGetTable,
        ["Parameters"] = new MapValue { ["DatabaseName"] = goldDatabase, ["Name"] = model.Name },
        ["ResultSelector"] = new MapValue { ["location.$"] = "$.Table.StorageDescriptor.Location" },
        ["ResultPath"] = "$.previous",
        // No table yet (the first run) or no lookup: nothing to clean, the error stands in for the location.
        ["Catch"] = new ListValue { new MapValue { ["ErrorEquals"] = new ListValue { "States.ALL" }, ["ResultPath"] = "$.previous", ["Next"] = next } },
        ["Next"] = next,
    };

    /// <summary>The states after the CTAS: from <c>{name}_Cleanup</c> to <paramref name="next"/>.</summary>
    public static void AddAfterCreate(MapValue states, string name, GoldModel model, string next)
    {
        var oldRun = $"{name}_OldRun";
        var isOld = $"{name}_IsOld";
        var list = $"{name}_ListOld";
        var delete = $"{name}_DeleteOld";
        var more = $"{name}_MoreOld";
        var skip = new ListValue { new MapValue { ["ErrorEquals"] = new ListValue { "States.ALL" }, ["ResultPath"] = "$.cleanup.error", ["Next"] = next } };
        states[Entry(name)] = new MapValue
        {
            ["Type"] = "Choice",
            ["Choices"] = new ListValue
            {
                new MapValue
                {
                    ["And"] = new ListValue
                    {
                        new MapValue { ["Variable"] = "$.previous.location", ["IsPresent"] = true },
                        new MapValue { ["Variable"] = "$.previous.location", ["StringMatches"] = $"s3://*/{RunPrefix(model)}*" },
                    },
                    ["Next"] = oldRun,
                },
            },
            ["Default"] = next,
        };
        // s3://BUCKET/MODEL/run=EXECUTION/ splits (empty parts dropped) into s3:, BUCKET, MODEL, run=EXECUTION.
        states[oldRun] = new MapValue
        {
            ["Type"] = "Pass",
            ["Parameters"] = new MapValue
            {
                ["run.$"] = "States.ArrayGetItem(States.StringSplit($.previous.location, '/'), 3)",
                ["current.$"] = "States.Format('run={}', $$.Execution.Name)",
            },
            ["ResultPath"] = "$.cleanup",
            ["Next"] = isOld,
        };
        states[isOld] = new MapValue
        {
            ["Type"] = "Choice",
            ["Choices"] = new ListValue
            {
                new MapValue { ["Not"] = new MapValue { ["Variable"] = "$.cleanup.run", ["StringEqualsPath"] = "$.cleanup.current" }, ["Next"] = list },
            },
            ["Default"] = next,
        };
        // An empty listing has no Contents: the selector fails and the cleanup ends, as it should.
        states[list] = new MapValue
        {
            ["Type"] = "Task",
            ["Resource"] = S3ListObjects,
            ["Parameters"] = new MapValue { ["Bucket.$"] = "$.plan.goldBucket", ["Prefix.$"] = $"States.Format('{model.Name}/{{}}/', $.cleanup.run)" },
            ["ResultSelector"] = new MapValue { ["keys.$"] = "$.Contents[*].Key", ["truncated.$"] = "$.IsTruncated" },
            ["ResultPath"] = "$.cleanup.listed",
            ["Catch"] = skip,
            ["Next"] = delete,
        };
        var deleteEach = new MapValue
        {
            [$"{name}_DeleteObject"] = new MapValue
            {
                ["Type"] = "Task",
                ["Resource"] = S3DeleteObject,
                ["Parameters"] = new MapValue { ["Bucket.$"] = "$.bucket", ["Key.$"] = "$.key" },
                ["End"] = true,
            },
        };
        states[delete] = StateMachineStates.With(StateMachineStates.InlineMap("$.cleanup.listed.keys", 10, $"{name}_DeleteObject", deleteEach),
            ("ItemSelector", new MapValue { ["bucket.$"] = "$.plan.goldBucket", ["key.$"] = "$$.Map.Item.Value" }),
            ("ResultPath", Null.Instance), ("Catch", skip), ("Next", more));
        // A listing holds at most 1,000 keys; deleted ones no longer list, so listing again continues.
        states[more] = new MapValue
        {
            ["Type"] = "Choice",
            ["Choices"] = new ListValue { new MapValue { ["Variable"] = "$.cleanup.listed.truncated", ["BooleanEquals"] = true, ["Next"] = list } },
            ["Default"] = next,
        };
    }

    public static string Entry(string name) => $"{name}_Cleanup";
}
