using Pipelines.Declarations.Schema;

namespace Pipelines.Declarations.Sources;

/// <summary>
/// A dataset of the courses' sources: its schema and, for a table of the relational source, how the extract reads it
/// (declared, never inferred from the data: a mode that changed with the generator's scale would deploy a different extract).
/// </summary>
public sealed record SourceDataset(DatasetSchema Schema, TableExtraction? Extraction = null)
{
    public string Name => Schema.Name;
}
