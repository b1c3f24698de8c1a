namespace Pipelines.Generator;

/// <summary>One deliberately spoiled row: which dataset, which key, how, and in which column.</summary>
public sealed record BadRow(string Dataset, string Key, BadRowKind Kind, string Column);
