using Pipelines.Data.Generation;

namespace Infra.Platform.Components.Ingestion;

/// <summary>The course data's declarations (API resources, source tables) the functions are configured from; the values of rows play no part.</summary>
public static class CourseCatalog
{
    public static readonly CourseData Data = new(new GeneratorSettings());

    /// <summary>The silver datasets declared over that data.</summary>
    public static readonly IReadOnlyList<Pipelines.Data.Lakehouse.SilverDataset> Silver = Pipelines.Data.Lakehouse.SilverCatalog.For(Data);
}
