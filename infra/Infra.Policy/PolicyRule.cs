namespace Infra.Policy;

/// <summary>A check over a synthesized program. <see cref="Id"/> names it in findings and suppressions.</summary>
public abstract class PolicyRule
{
    public abstract string Id { get; }

    /// <summary>What the rule requires, as a reviewer would read it.</summary>
    public abstract string Requires { get; }

    /// <summary>How to fix a finding.</summary>
    public abstract string Fix { get; }

    /// <summary>The AWS documentation page a service rule comes from (a documented constraint whose breach fails a deploy or a run).</summary>
    public virtual string? Source => null;

    public abstract IEnumerable<Finding> Check(ProgramView program);

    protected Finding Broken(string resource, string problem) => new(Id, resource, problem, Fix);
}

/// <summary>A rule whose check is one predicate per resource of some types: a finding for each resource it fails.</summary>
public sealed class ResourceRule(string id, string requires, string fix, IReadOnlyList<string> types, Func<ProgramView, Infra.Model.Resources.Resource, string?> problem, string? source = null) : PolicyRule
{
    public override string Id => id;
    public override string Requires => requires;
    public override string Fix => fix;
    public override string? Source => source;

    public override IEnumerable<Finding> Check(ProgramView program) =>
        program.OfType([.. types]).Select(resource => (resource, problem: problem(program, resource)))
            .Where(x => x.problem is not null).Select(x => Broken(x.resource.Name, x.problem!));
}
