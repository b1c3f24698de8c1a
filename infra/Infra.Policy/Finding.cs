namespace Infra.Policy;

/// <summary>One rule broken by one resource, with what to do about it.</summary>
public sealed record Finding(string Rule, string Resource, string Problem, string Fix)
{
    public override string ToString() => $"{Rule} {Resource}: {Problem} — fix: {Fix}";
}

/// <summary>A finding accepted on purpose, kept in code with its reason.</summary>
/// <param name="Stacks">The stacks it applies to; empty for all.</param>
public sealed record Suppression(string Rule, string Resource, string Reason, IReadOnlyList<string> Stacks)
{
    public bool Covers(Finding finding, string stack) =>
        finding.Rule == Rule && finding.Resource == Resource && (Stacks.Count == 0 || Stacks.Contains(stack));
}
