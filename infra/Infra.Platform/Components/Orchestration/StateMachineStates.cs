using Infra.Model.Values;

namespace Infra.Platform.Components.Orchestration;

/// <summary>
/// The Amazon States Language states the pipelines are built of (JSONPath mode): Lambda and Athena tasks
/// through Step Functions' service integrations, each with its retries, and SNS notices.
/// </summary>
public static class StateMachineStates
{
    public const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    public const string AthenaQuery = "arn:aws:states:::athena:startQueryExecution.sync";
    public const string AthenaResults = "arn:aws:states:::athena:getQueryResults";
    public const string SnsPublish = "arn:aws:states:::sns:publish";

    /// <summary>
    /// Transient Lambda errors retried quickly with full jitter; a function's own failure retried twice,
    /// slower (the extract and transform functions resume from their checkpoints).
    /// </summary>
    public static ListValue LambdaRetries() =>
    [
        Retry(["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"], 2, 6),
        Retry(["States.TaskFailed"], 30, 2),
    ];

    /// <summary>Athena throttling retried with backoff; a failed query (e.g. a concurrent commit on Iceberg) retried twice.</summary>
    public static ListValue AthenaRetries() =>
    [
        Retry(["Athena.TooManyRequestsException", "Athena.InternalServerException"], 5, 6),
        Retry(["States.TaskFailed"], 30, 2),
    ];

    public static MapValue Retry(IReadOnlyList<string> errors, int intervalSeconds, int attempts) => new()
    {
        ["ErrorEquals"] = new ListValue(errors.Select(error => (Value)error)),
        ["IntervalSeconds"] = intervalSeconds,
        ["MaxAttempts"] = attempts,
        ["BackoffRate"] = 2.0,
        ["JitterStrategy"] = "FULL",
    };

    /// <summary>Any error that outlives its retries goes to <paramref name="next"/>, the error kept under <c>$.error</c>.</summary>
    public static ListValue CatchAll(string next) =>
    [
        new MapValue { ["ErrorEquals"] = new ListValue { "States.ALL" }, ["ResultPath"] = "$.error", ["Next"] = next },
    ];

    public static MapValue Invoke(Value functionArn, MapValue payload, MapValue resultSelector, string resultPath, string next, string onError) => new()
    {
        ["Type"] = "Task",
        ["Resource"] = LambdaInvoke,
        ["Parameters"] = new MapValue { ["FunctionName"] = functionArn, ["Payload"] = payload },
        ["ResultSelector"] = resultSelector,
        ["ResultPath"] = resultPath,
        ["Retry"] = LambdaRetries(),
        ["Catch"] = CatchAll(onError),
        ["Next"] = next,
    };

    /// <param name="query">A literal query, or an intrinsic function when <paramref name="queryIsPath"/>.</param>
    public static MapValue Query(string query, bool queryIsPath, Serving.WorkgroupResult workgroup, string database, string resultPath, string next, string onError) => new()
    {
        ["Type"] = "Task",
        ["Resource"] = AthenaQuery,
        ["Parameters"] = new MapValue
        {
            [queryIsPath ? "QueryString.$" : "QueryString"] = query,
            ["WorkGroup"] = workgroup.Name,
            ["QueryExecutionContext"] = new MapValue { ["Catalog"] = "AwsDataCatalog", ["Database"] = database },
        },
        ["ResultSelector"] = new MapValue { ["queryExecutionId.$"] = "$.QueryExecution.QueryExecutionId" },
        ["ResultPath"] = resultPath,
        ["Retry"] = AthenaRetries(),
        ["Catch"] = CatchAll(onError),
        ["Next"] = next,
    };

    /// <summary>A Map state running <paramref name="states"/> inline for each item at <paramref name="itemsPath"/>; the caller adds where it goes.</summary>
    public static MapValue InlineMap(string itemsPath, int maxConcurrency, string startAt, MapValue states) => new()
    {
        ["Type"] = "Map",
        ["ItemsPath"] = itemsPath,
        ["MaxConcurrency"] = maxConcurrency,
        ["ItemProcessor"] = new MapValue
        {
            ["ProcessorConfig"] = new MapValue { ["Mode"] = "INLINE" },
            ["StartAt"] = startAt,
            ["States"] = states,
        },
    };

    /// <summary>The state with more fields, e.g. where a Map goes next.</summary>
    public static MapValue With(MapValue state, params (string Key, Value Value)[] fields)
    {
        foreach (var (key, value) in fields)
        {
            state[key] = value;
        }
        return state;
    }

    public static MapValue Publish(Value topicArn, string subject, string messagePath, string resultPath, string? next, string? onError)
    {
        var state = new MapValue
        {
            ["Type"] = "Task",
            ["Resource"] = SnsPublish,
            ["Parameters"] = new MapValue { ["TopicArn"] = topicArn, ["Subject"] = subject, ["Message.$"] = messagePath },
            ["ResultPath"] = resultPath,
            ["Retry"] = new ListValue { Retry(["SNS.SdkClientException", "SNS.InternalErrorException", "SNS.ThrottledException"], 2, 4) },
        };
        if (onError is not null)
        {
            state["Catch"] = CatchAll(onError);
        }
        if (next is not null)
        {
            state["Next"] = next;
        }
        else
        {
            state["End"] = true;
        }
        return state;
    }
}

/// <summary>The Athena workgroups the pipeline's queries run in.</summary>
/// <param name="Workgroup">Every query but merges into S3 Tables.</param>
/// <param name="TableWrites">Merges into S3 Tables, where the stack keeps gold in a table bucket.</param>
public sealed record AthenaTarget(Serving.WorkgroupResult Workgroup, Serving.WorkgroupResult? TableWrites = null);
