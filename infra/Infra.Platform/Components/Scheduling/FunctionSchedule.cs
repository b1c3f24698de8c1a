using Infra.Model.Resources;
using Infra.Platform.Components.Functions;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Iam;
using Infra.Providers.Aws.Scheduler;
using Infra.Providers.Aws.Scheduler.Inputs;

namespace Infra.Platform.Components.Scheduling;

/// <summary>
/// An EventBridge Scheduler schedule that invokes one function with a fixed event, through a role
/// that only the scheduler acting for this account may assume and that may invoke that function only.
/// The schedule's payload is encrypted with the stack key; failed invocations land in the function's dead-letter queue.
/// </summary>
public static class FunctionSchedule
{
    public static void Create(PlatformContext context, ComponentScope scope, string name, FunctionResult function, string expression, string eventJson = "{}")
    {
        var role = scope.Add($"{name}-schedule-role", new RoleArgs
        {
            Name = context.AccountWideName($"{name}-schedule"),
            AssumeRolePolicy = new PolicyDocument([ServiceTrust.OfThisAccount(context, "scheduler")]).ToJson(),
        });
        var permissions = scope.Add($"{name}-schedule-permissions", new RolePolicyArgs
        {
            Role = role.Attr("id"),
            Policy = new PolicyDocument([function.Invoke()]).ToJson(),
        });
        scope.Add($"{name}-schedule", new ScheduleArgs
        {
            Name = context.Name(name),
            Description = $"Runs {name} on its schedule",
            ScheduleExpression = expression,
            FlexibleTimeWindow = new ScheduleFlexibleTimeWindowArgs { Mode = "OFF" },
            KmsKeyArn = context.RequireKey().KeyArn,
            Target = new ScheduleTargetArgs
            {
                Arn = function.Arn,
                RoleArn = role.Attr("arn"),
                Input = eventJson,
                RetryPolicy = new ScheduleTargetRetryPolicyArgs { MaximumRetryAttempts = 2, MaximumEventAgeInSeconds = 3600 },
            },
        }, new ResourceOptions { DependsOn = [permissions.Self] });
    }
}
