using Infra.Model.Values;

namespace Infra.Platform.Components.Governance;

/// <summary>The roles Lake Formation grants to, by what they do with the lake.</summary>
/// <param name="Ingestion">Roles that land data: they write bronze only.</param>
/// <param name="Engineering">Roles that curate silver and gold (the pipelines).</param>
public sealed record LakePrincipals(IReadOnlyList<Value> Ingestion, IReadOnlyList<Value> Engineering);
