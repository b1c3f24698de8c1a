using Infra.Model.Values;

namespace Infra.Platform.Components.Governance;

/// <summary>A role that curates layers of the lake: it may change their tables and read bronze.</summary>
/// <param name="Layers">The layers it curates: silver always (its current views), gold only when it builds gold.</param>
/// <param name="CreatesTablesIn">The layers where it creates tables with data of their own (CTAS): it needs data location access there.</param>
public sealed record LakeCurator(Value Role, IReadOnlyList<string> Layers, IReadOnlyList<string>? CreatesTablesIn = null);

/// <summary>The roles Lake Formation grants to, by what they do with the lake.</summary>
/// <param name="Ingestion">Roles that land data: they write bronze only.</param>
/// <param name="Engineering">Roles that curate silver and, where they build it, gold (the pipelines).</param>
/// <param name="Crawlers">Roles that infer tables over the raw data in bronze (the raw-zone crawler).</param>
public sealed record LakePrincipals(IReadOnlyList<Value> Ingestion, IReadOnlyList<LakeCurator> Engineering, IReadOnlyList<Value>? Crawlers = null);
