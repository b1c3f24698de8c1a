using Infra.Model.Values;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Iam;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Functions;

/// <summary>
/// Inputs of one Native AOT function. Always applied: provided.al2023, x86_64, KMS-encrypted
/// environment and log group, JSON logs, active X-Ray tracing, a role only Lambda of this
/// account may assume, holding the grants given and nothing else.
/// </summary>
public sealed record NativeFunctionOptions
{
    /// <summary>Instance name, e.g. <c>sessions-consumer</c>: logical names start with it, the physical name ends with it.</summary>
    public required string Name { get; init; }

    public required FunctionContract Contract { get; init; }

    public required string Description { get; init; }

    /// <summary>Lambda's handler setting: which entry of the contract's executable runs (one executable may hold two).</summary>
    public string Handler { get; init; } = FunctionContract.Handler;

    /// <summary>Layers mounted under /opt (e.g. a CA bundle), by ARN.</summary>
    public IReadOnlyList<Value> Layers { get; init; } = [];

    /// <summary>
    /// What the function does with the stack's resources at run time (its contract's prefixes, streams, parameters),
    /// from the results of other components (bucket.Writing, stream.Consuming, …): its role's statements, its use of
    /// the key and the calls the access proof checks are all derived from these, and nothing else is granted.
    /// </summary>
    public required IReadOnlyList<Infra.Platform.Access.Permission> Permissions { get; init; }

    /// <summary>Environment variables, by the names the function's contract declares.</summary>
    public IReadOnlyList<KeyValuePair<string, Value>> Environment { get; init; } = [];

    public required int LogRetentionDays { get; init; }

    public int MemorySizeMb { get; init; } = NativeFunction.DefaultMemorySizeMb;

    public int TimeoutSeconds { get; init; } = NativeFunction.DefaultTimeoutSeconds;

    /// <summary>Size of /tmp; null keeps Lambda's 512 MB.</summary>
    public int? EphemeralStorageMb { get; init; }

    /// <summary>Concurrency reserved for the function; null leaves it unreserved (accounts with a low limit cannot reserve).</summary>
    public int? ReservedConcurrency { get; init; }

    /// <summary>Runs the function in these private subnets with these security groups; null keeps it outside a VPC.</summary>
    public FunctionNetwork? Network { get; init; }

    /// <summary>Where asynchronous invocations go after their retries fail; stream sources name theirs on the mapping.</summary>
    public QueueResult? DeadLetterQueue { get; init; }
}

/// <param name="SubnetIds">A list value of private subnet ids.</param>
/// <param name="SecurityGroupIds">A list value of security group ids.</param>
public sealed record FunctionNetwork(Value SubnetIds, Value SecurityGroupIds);
