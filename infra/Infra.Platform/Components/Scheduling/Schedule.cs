using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Iam;
using Infra.Providers.Aws.Scheduler;
using Infra.Providers.Aws.Scheduler.Inputs;

using Infra.Platform.Access;

namespace Infra.Platform.Components.Scheduling;

/// <summary>
/// An EventBridge Scheduler schedule that starts one target with a fixed input, through a role that only
/// the scheduler acting for this account may assume and that holds the one permission starting it needs.
/// The schedule's payload is encrypted with the stack key.
/// </summary>
public static class Schedule
{
    public static void Create(PlatformContext context, ComponentScope scope, string name, Value targetArn, PolicyStatement permission, string expression, string input = "{}")
    {
        var role = scope.Add($"{name}-schedule-role", new RoleArgs
        {
            Name = context.AccountWideName($"{name}-schedule"),
            AssumeRolePolicy = new PolicyDocument([ServiceTrust.OfThisAccount(context, "scheduler")]).ToJson(),
        });
        var key = context.RequireKey();
        var permissions = scope.Add($"{name}-schedule-permissions", new RolePolicyArgs
        {
            Role = role.Attr("id"),
            // The payload is encrypted with the stack key: the scheduler decrypts it as this role before it starts the target.
            Policy = new PolicyDocument([permission, PolicyStatement.Allow("DecryptTheSchedulesPayload", ["kms:Decrypt"], key.KeyArn)]).ToJson(),
        });
        context.Actors.Add(new Actor($"{name} schedule", new RolePrincipal(role.Name),
            [.. permission.Actions.Select(action => new ApiCall(action, targetArn)), new ApiCall("kms:Decrypt", key.KeyArn)]));
        scope.Add($"{name}-schedule", new ScheduleArgs
        {
            Name = context.Name(name),
            Description = $"Starts {name} on its schedule",
            ScheduleExpression = expression,
            FlexibleTimeWindow = new ScheduleFlexibleTimeWindowArgs { Mode = "OFF" },
            KmsKeyArn = context.RequireKey().KeyArn,
            Target = new ScheduleTargetArgs
            {
                Arn = targetArn,
                RoleArn = role.Attr("arn"),
                Input = input,
                RetryPolicy = new ScheduleTargetRetryPolicyArgs { MaximumRetryAttempts = 2, MaximumEventAgeInSeconds = 3600 },
            },
        }, new ResourceOptions { DependsOn = [permissions.Self] });
    }
}
