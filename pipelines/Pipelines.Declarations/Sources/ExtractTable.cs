using Pipelines.Declarations.Functions;

namespace Pipelines.Declarations.Sources;

/// <summary>One table of the relational source and how it is extracted, as its dataset declares it. Read by the extract function's configuration and the tests.</summary>
public sealed record ExtractTable(SourceDataset Dataset, ExtractMode Mode, string? WatermarkColumn)
{
    public string Name => Dataset.Name;

    /// <summary>The extract function's configuration for this table.</summary>
    public string Setting => new TableSetting(Name, Mode, WatermarkColumn).Setting;

    public static ExtractTable For(SourceDataset dataset) => dataset.Extraction is { } extraction
        ? new ExtractTable(dataset, extraction.Mode, extraction.Column)
        : throw new InvalidOperationException($"{dataset.Name} is a table of the relational source but declares no extraction (Full, Incremental or ByKey)");
}
