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
public sealed record StackCatalog(IReadOnlyList<CoursePipeline> Pipelines)
{
    /// <summary>Every silver dataset some pipeline transforms, once each, in catalog order.</summary>
    public IReadOnlyList<SilverDataset> Silver =>
        [.. SilverCatalog.For(CourseCatalog.Data).Where(dataset => Pipelines.Any(pipeline => pipeline.Silver.Any(d => d.Name == dataset.Name)))];

    /// <summary>The source tables some pipeline extracts.</summary>
    public IReadOnlyList<ExtractTable> Tables => [.. CourseCatalog.Data.Extracts.Where(table => Extracted(ExtractSource.Database).Contains(table.Name))];

    /// <summary>The API resources some pipeline ingests.</summary>
    public IReadOnlyList<ApiResource> ApiResources => [.. CourseCatalog.Data.Api.Where(resource => Extracted(ExtractSource.Api).Contains(resource.Name))];

    private HashSet<string> Extracted(ExtractSource source) =>
        [.. Pipelines.SelectMany(pipeline => pipeline.Extracts).Where(step => step.Source == source).SelectMany(step => step.Datasets)];
}
