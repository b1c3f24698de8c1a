using Infra.Model;
using Infra.Model.Inputs;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Aws;
using Infra.Platform.Components.Logging;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Cloudwatch;
using Infra.Providers.Aws.Iam;
using Infra.Providers.Aws.Lambda;
using Infra.Providers.Aws.Lambda.Inputs;
using LambdaRuntime = Infra.Providers.Aws.Lambda.Runtime;

namespace Infra.Platform.Components.Functions;

/// <summary>Everything a Native AOT function needs: role, permissions, encrypted log group and the function.</summary>
public static class NativeFunction
{
    public const int DefaultMemorySizeMb = 512;
    public const int DefaultTimeoutSeconds = 60;
    public const int MaxReservedConcurrency = 1000;
    public static readonly string Runtime = LambdaRuntime.CustomAL2023.Name;
    public const string Architecture = AwsValues.ArchitectureX86;

    public static FunctionResult Create(PlatformContext context, string component, NativeFunctionOptions options)
    {
        if (options.ReservedConcurrency is < 1 or > MaxReservedConcurrency)
        {
            throw new SynthesisException($"function {options.Name}: reserved concurrency must be 1-{MaxReservedConcurrency}, not {options.ReservedConcurrency}");
        }
        var scope = context.Scope(component);
        var key = context.RequireKey();
        var functionName = context.Name(options.Name);

        var logs = scope.Add($"{options.Name}-logs", new LogGroupArgs
        {
            Name = LambdaLogGroup.Name(functionName),
            RetentionInDays = options.LogRetentionDays,
            KmsKeyId = key.KeyArn,
        }, context.DataOptions());

        var role = scope.Add($"{options.Name}-role", new RoleArgs
        {
            Name = context.AccountWideName(options.Name),
            AssumeRolePolicy = new PolicyDocument([ServiceTrust.OfThisAccount(context, "lambda")]).ToJson(),
        });

        // Lambda sends a failed asynchronous event to the dead-letter queue as the function's role.
        Permission[] granted = options.DeadLetterQueue is { } deadLetters ? [.. options.Permissions, deadLetters.Sending()] : [.. options.Permissions];
        var statements = new List<PolicyStatement>(key.Granting(granted));
        statements.Add(PolicyStatement.Allow("WriteItsLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], Fn.Interpolate($"{logs.Attr("arn")}:*")));
        statements.Add(PolicyStatement.Allow("SendTraces", [WildcardResourceActions.PutTraceSegments, WildcardResourceActions.PutTelemetryRecords], "*"));
        if (options.Network is not null)
        {
            statements.AddRange(NetworkInterfaces(context));
        }
        var permissions = scope.Add($"{options.Name}-permissions", new RolePolicyArgs
        {
            Role = role.Attr("id"),
            Policy = new PolicyDocument(statements).ToJson(),
        });

        ServiceActors.LogsEncrypt(context, LambdaLogGroup.Name(functionName));
        context.Actors.Add(new Actor($"{options.Name} function", new RolePrincipal(role.Name), [.. granted.SelectMany(p => p.Calls), .. HostingCalls(context, options, logs.Attr("arn"))]));

        var variables = new InputMap<string>();
        foreach (var (name, value) in options.Environment)
        {
            variables.Add(name, value);
        }
        var function = scope.Add(options.Name, new FunctionArgs
        {
            Name = functionName,
            Description = options.Description,
            Role = role.Attr("arn"),
            Runtime = Runtime,
            Handler = options.Handler,
            Layers = options.Layers.Count > 0 ? [.. options.Layers] : null,
            Architectures = [Architecture],
            Code = Fn.FileArchive(options.Contract.ArtifactPath),
            MemorySize = options.MemorySizeMb,
            Timeout = options.TimeoutSeconds,
            KmsKeyArn = key.KeyArn,
            Environment = variables.Count > 0 ? new FunctionEnvironmentArgs { Variables = variables } : null,
            LoggingConfig = new FunctionLoggingConfigArgs { LogFormat = AwsValues.LogFormatJson, LogGroup = logs.Attr("name") },
            TracingConfig = new FunctionTracingConfigArgs { Mode = AwsValues.TracingActive },
            ReservedConcurrentExecutions = options.ReservedConcurrency is { } reserved ? reserved : null,
            EphemeralStorage = options.EphemeralStorageMb is { } storage ? new FunctionEphemeralStorageArgs { Size = storage } : null,
            VpcConfig = options.Network is { } network
                ? new FunctionVpcConfigArgs { SubnetIds = network.SubnetIds, SecurityGroupIds = network.SecurityGroupIds }
                : null,
            DeadLetterConfig = options.DeadLetterQueue is { } queue ? new FunctionDeadLetterConfigArgs { TargetArn = queue.Arn } : null,
        }, new ResourceOptions { DependsOn = [permissions.Self, logs.Self] });

        return new FunctionResult(options.Name, options.Contract, functionName, function.Attr("name"), function.Attr("arn"), role.Attr("arn"), permissions.Self, options.DeadLetterQueue);
    }

    /// <summary>What Lambda does as the function's role for every function: its logs, its traces, its network interfaces, its failures.</summary>
    private static IEnumerable<Call> HostingCalls(PlatformContext context, NativeFunctionOptions options, Reference logGroupArn)
    {
        yield return new ApiCall("logs:CreateLogStream", Fn.Interpolate($"{logGroupArn}:log-stream:2026/01/01/[$LATEST]0"));
        yield return new ApiCall("logs:PutLogEvents", Fn.Interpolate($"{logGroupArn}:log-stream:2026/01/01/[$LATEST]0"));
        yield return new ApiCall(WildcardResourceActions.PutTraceSegments, "*");
        yield return new ApiCall(WildcardResourceActions.PutTelemetryRecords, "*");
        if (options.Network is not null)
        {
            yield return new ApiCall(WildcardResourceActions.DescribeNetworkInterfaces, "*");
            yield return new ApiCall(WildcardResourceActions.DescribeSubnets, "*");
            foreach (var resource in new[] { "network-interface/eni-0", "subnet/subnet-0", "security-group/sg-0" })
            {
                yield return new ApiCall("ec2:CreateNetworkInterface", context.Arn("ec2", resource));
            }
            foreach (var action in new[] { "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses" })
            {
                yield return new ApiCall(action, context.Arn("ec2", "network-interface/eni-0"));
            }
        }
    }

    /// <summary>What Lambda needs to attach the function to private subnets: interfaces in this account and region only.</summary>
    private static IEnumerable<PolicyStatement> NetworkInterfaces(PlatformContext context) =>
    [
        PolicyStatement.Allow("DescribeNetworkInterfaces", [WildcardResourceActions.DescribeNetworkInterfaces, WildcardResourceActions.DescribeSubnets], "*"),
        PolicyStatement.Allow("ManageItsNetworkInterfaces",
            ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
            context.Arn("ec2", "network-interface/*"), context.Arn("ec2", "subnet/*"), context.Arn("ec2", "security-group/*")),
    ];
}
