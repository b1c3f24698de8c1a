using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules.Services;

/// <summary>
/// Every call a state machine or a schedule makes to a service retries the errors the service documents as
/// transient: a run must not fail on a throttle or a service hiccup that a retry would have passed.
/// </summary>
public sealed class TaskRetryRule : PolicyRule
{
    /// <summary>Transient errors by integration, as the services name them; an SDK integration retries its task errors.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TransientErrors = new Dictionary<string, IReadOnlyList<string>>
    {
        ["arn:aws:states:::lambda:invoke"] = ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"],
        ["arn:aws:states:::athena:"] = ["Athena.TooManyRequestsException"],
        ["arn:aws:states:::sns:publish"] = ["SNS.ThrottledException"],
        ["arn:aws:states:::aws-sdk:"] = ["States.TaskFailed"],
    };

    public override string Id => "SFN-3-task-retries";
    public override string Requires => "every Task state, in every branch and map, retries its service's transient errors";
    public override string Fix => "give the task a Retry covering the errors (Lambda's four transient exceptions, Athena's throttling, SNS's throttling, an SDK task's failures)";
    public override string? Source => "Step Functions Developer Guide: Handle transient Lambda service exceptions; Handling errors in Step Functions workflows";

    public override IEnumerable<Finding> Check(ProgramView program)
    {
        foreach (var machine in program.OfType("aws:sfn:StateMachine"))
        {
            if (Input(machine, "definition") is not BuiltIn { Argument: MapValue definition })
            {
                continue;
            }
            foreach (var (name, state) in StateMachineTasks.Of(definition))
            {
                var resource = state.TryGet("Resource", out var r) ? Describe(r) : "";
                var needed = TransientErrors.FirstOrDefault(entry => resource.StartsWith(entry.Key, StringComparison.Ordinal)).Value ?? ["States.TaskFailed"];
                var missing = needed.Where(error => !Retries(state, error)).ToList();
                if (missing.Count > 0)
                {
                    yield return Broken(machine.Name, $"task {name} does not retry {string.Join(", ", missing)}");
                }
            }
        }
    }

    /// <summary>Whether a retrier with at least one attempt matches the error (by name, States.TaskFailed or States.ALL).</summary>
    private static bool Retries(MapValue state, string error) =>
        state.TryGet("Retry", out var retry) && retry is ListValue retriers && retriers.Items.OfType<MapValue>().Any(retrier =>
            (!retrier.TryGet("MaxAttempts", out var attempts) || attempts is not Integer { Content: < 1 })
            && retrier.TryGet("ErrorEquals", out var errors) && errors is ListValue list
            && list.Items.Select(Describe).Any(e => e == error || e == "States.ALL" || (e == "States.TaskFailed" && error != "States.Timeout")));
}

public static class RetryRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new TaskRetryRule(),
        new ResourceRule("SCH-4-schedule-retries", "every schedule retries its target", "set target.retryPolicy.maximumRetryAttempts to 1 or more", ["aws:scheduler:Schedule"],
            (_, schedule) => Input(schedule, "target.retryPolicy.maximumRetryAttempts") is Integer { Content: >= 1 } ? null : "a failed start of its target is not retried",
            "EventBridge Scheduler User Guide: Configuring a retry policy and dead-letter queue"),
    ];
}
