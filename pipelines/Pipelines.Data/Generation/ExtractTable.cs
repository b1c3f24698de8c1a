using Pipelines.Contracts.Functions;

namespace Pipelines.Data.Generation;

/// <summary>
/// One table of the relational source and how it is extracted, as its dataset declares it (never inferred from the data:
/// a mode that changed with the generator's scale would deploy a different extract). Read by the extract function's
/// configuration and the tests.
/// </summary>
public sealed record ExtractTable(DatasetGenerator Dataset, ExtractMode Mode, string? WatermarkColumn)
{
    public string Name => Dataset.Schema.Name;

    /// <summary>The extract function's configuration for this table.</summary>
    public string Setting => new TableSetting(Name, Mode, WatermarkColumn).Setting;

    public static ExtractTable For(DatasetGenerator dataset) => dataset.Extraction is { } extraction
        ? new ExtractTable(dataset, extraction.Mode, extraction.Column)
        : throw new InvalidOperationException($"{dataset.Schema.Name} is a table of the relational source but declares no extraction (Full, Incremental or ByKey)");
}
