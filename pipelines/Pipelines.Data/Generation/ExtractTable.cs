using Pipelines.Contracts.Functions;
using Pipelines.Data.Schema;

namespace Pipelines.Data.Generation;

/// <summary>
/// One table of the relational source and how it is extracted: incremental where it has <c>updated_at</c>,
/// by key where its key is one growing integer, else in full. Read by the extract function's configuration and the tests.
/// </summary>
public sealed record ExtractTable(DatasetGenerator Dataset, ExtractMode Mode, string? WatermarkColumn)
{
    public string Name => Dataset.Schema.Name;

    /// <summary>The extract function's configuration for this table.</summary>
    public string Setting => new TableSetting(Name, Mode, WatermarkColumn).Setting;

    public static ExtractTable For(DatasetGenerator dataset)
    {
        var schema = dataset.Schema;
        if (schema.Columns.Any(column => column.Name == "updated_at"))
        {
            return new ExtractTable(dataset, ExtractMode.Incremental, "updated_at");
        }
        return schema.KeyColumns is [{ Type: DataType.Integer } key] && dataset.BaseRows > 100
            ? new ExtractTable(dataset, ExtractMode.Key, key.Name)
            : new ExtractTable(dataset, ExtractMode.Full, null);
    }
}
