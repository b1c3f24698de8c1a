namespace Infra.Platform.Access;

/// <summary>Someone or something that acts in a stack at run time, and the calls it makes.</summary>
/// <param name="Name">What people call it ("course3 pipeline", "analyst").</param>
/// <param name="Principal">The role it acts as (the logical name of its <c>aws:iam:Role</c>), or a service principal.</param>
/// <param name="Calls">Everything it needs to do its job, and nothing more.</param>
public sealed record Actor(string Name, ActorPrincipal Principal, IReadOnlyList<Call> Calls);

/// <summary>Who AWS sees making an actor's calls.</summary>
public abstract record ActorPrincipal;

/// <summary>A role of the stack, by the logical name of its <c>aws:iam:Role</c> resource.</summary>
public sealed record RolePrincipal(string RoleResource) : ActorPrincipal;

/// <summary>An AWS service acting for the stack, by its service principal (e.g. <c>cloudwatch.amazonaws.com</c>).</summary>
public sealed record ServicePrincipal(string Service) : ActorPrincipal;
