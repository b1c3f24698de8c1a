using Pipelines.Declarations.Functions;

namespace Pipelines.Declarations.Sources;

/// <summary>How a source table is extracted: every run in full, incrementally on an updated-at column, or by a growing key.</summary>
public sealed record TableExtraction(ExtractMode Mode, string? Column)
{
    public static readonly TableExtraction Full = new(ExtractMode.Full, null);

    public static TableExtraction Incremental(string column) => new(ExtractMode.Incremental, column);

    public static TableExtraction ByKey(string column) => new(ExtractMode.Key, column);
}
