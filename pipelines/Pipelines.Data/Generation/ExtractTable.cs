using Pipelines.Data.Schema;

namespace Pipelines.Data.Generation;

/// <summary>How the database extract function reads a table.</summary>
public enum ExtractMode
{
    /// <summary>Every row, every run: a snapshot.</summary>
    Full,
    /// <summary>Rows whose <c>updated_at</c>-style column is newer than the last run's.</summary>
    Incremental,
    /// <summary>Rows whose ever-growing key is above the last run's: for append-only tables.</summary>
    Key,
}

/// <summary>
/// One table of the relational source and how it is extracted: incremental where it has <c>updated_at</c>,
/// by key where its key is one growing integer, else in full. Read by the extract function's configuration and the tests.
/// </summary>
public sealed record ExtractTable(DatasetGenerator Dataset, ExtractMode Mode, string? WatermarkColumn)
{
    public string Name => Dataset.Schema.Name;

    /// <summary>The form the extract function's configuration takes: <c>name=full</c>, <c>name=incremental:column</c>, <c>name=key:column</c>.</summary>
    public string Setting => Mode == ExtractMode.Full ? $"{Name}=full" : $"{Name}={Mode.ToString().ToLowerInvariant()}:{WatermarkColumn}";

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
