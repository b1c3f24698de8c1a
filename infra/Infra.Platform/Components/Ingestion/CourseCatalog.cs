using Pipelines.Data.Generation;
using Pipelines.Data.Lakehouse;
using Pipelines.Data.Orchestration;

namespace Infra.Platform.Components.Ingestion;

/// <summary>The course data's declarations (API resources, source tables) the functions are configured from; the values of rows play no part.</summary>
public static class CourseCatalog
{
    public static readonly CourseData Data = new(new GeneratorSettings());

    /// <summary>What a stack teaching <paramref name="course"/> (or every course) runs and holds.</summary>
    public static StackCatalog ForStack(string course) =>
        new([.. CoursePipelines.Courses.Where(name => course == Profiles.StackProfile.AllCourses || name == course).Select(name => CoursePipelines.For(name, Data))]);
}

/// <summary>The pipelines of a stack's courses and, derived from them, the datasets its functions and catalog hold.</summary>
public sealed class StackCatalog(IReadOnlyList<CoursePipeline> pipelines)
{
    public IReadOnlyList<CoursePipeline> Pipelines { get; } = pipelines;

    /// <summary>Every silver dataset some pipeline transforms, once each, in catalog order.</summary>
    public IReadOnlyList<SilverDataset> Silver { get; } =
        [.. SilverCatalog.For(CourseCatalog.Data).Where(dataset => pipelines.Any(pipeline => pipeline.Silver.Any(d => d.Name == dataset.Name)))];

    /// <summary>The source tables some pipeline extracts.</summary>
    public IReadOnlyList<ExtractTable> Tables { get; } = [.. CourseCatalog.Data.Extracts.Where(table => Extracted(pipelines, ExtractSource.Database).Contains(table.Name))];

    /// <summary>The API resources some pipeline ingests.</summary>
    public IReadOnlyList<ApiResource> ApiResources { get; } = [.. CourseCatalog.Data.Api.Where(resource => Extracted(pipelines, ExtractSource.Api).Contains(resource.Name))];

    private static HashSet<string> Extracted(IReadOnlyList<CoursePipeline> pipelines, ExtractSource source) =>
        [.. pipelines.SelectMany(pipeline => pipeline.Extracts).Where(step => step.Source == source).SelectMany(step => step.Datasets)];
}
