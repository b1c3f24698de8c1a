using Pipelines.Data.Schema;

namespace Pipelines.Data.Lakehouse;

/// <summary>
/// A partition column of a silver dataset: its name, its type, the Trino expression that computes it from the
/// row, and the range of values it can take, so the catalog can project partitions instead of listing them.
/// </summary>
public sealed record Partition(string Column, DataType Type, string Expression, int RangeFrom, int RangeTo);
