using Pipelines.Declarations.Functions;

namespace Pipelines.Declarations.Sources;

/// <summary>How a client pages through a resource of the REST API.</summary>
public enum Pagination
{
    /// <summary><c>?offset=&amp;limit=</c>, the client counts.</summary>
    Offset,
    /// <summary>The client follows the <c>next</c> link each page carries.</summary>
    NextLink,
}

/// <summary>
/// One resource of the course's paged REST API: the dataset it serves, the timestamp column an
/// incremental client filters on (<c>updated_since</c>, exclusive) and the paging the course uses for it.
/// Read by the API server, the REST ingestion function's configuration and the tests alike.
/// </summary>
public sealed record ApiResource(SourceDataset Dataset, string WatermarkColumn, Pagination Pagination)
{
    public string Name => Dataset.Name;

    /// <summary>The REST function's configuration for this resource.</summary>
    public string Setting => new ResourceSetting(Name, Pagination == Pagination.NextLink, WatermarkColumn).Setting;
}
