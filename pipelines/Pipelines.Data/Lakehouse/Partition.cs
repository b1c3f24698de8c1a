using Pipelines.Data.Schema;

namespace Pipelines.Data.Lakehouse;

/// <summary>A partition column of a silver dataset: its name, its type and the Trino expression that computes it from the row.</summary>
public sealed record Partition(string Column, DataType Type, string Expression);
