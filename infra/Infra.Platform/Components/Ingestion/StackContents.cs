using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Orchestration;
using Pipelines.Declarations.Sources;

namespace Infra.Platform.Components.Ingestion;

/// <summary>The pipelines of a stack's courses and, derived from them, the datasets its functions and catalog hold.</summary>
public sealed class StackContents(IReadOnlyList<CoursePipeline> pipelines)
{
    /// <summary>What a stack teaching <paramref name="course"/> (or every course) runs and holds.</summary>
    public static StackContents ForStack(string course) =>
        new([.. CoursePipelines.Courses.Where(name => course == Profiles.StackProfile.AllCourses || name == course).Select(CoursePipelines.For)]);

    public IReadOnlyList<CoursePipeline> Pipelines { get; } = pipelines;

    /// <summary>Every silver dataset some pipeline transforms, once each, in catalog order.</summary>
    public IReadOnlyList<SilverDataset> Silver { get; } =
        [.. SilverDatasets.All.Where(dataset => pipelines.Any(pipeline => pipeline.Silver.Any(d => d.Name == dataset.Name)))];

    /// <summary>The source tables some pipeline extracts.</summary>
    public IReadOnlyList<ExtractTable> Tables { get; } = [.. SourceDatasets.Extracts.Where(table => Extracted(pipelines, ExtractSource.Database).Contains(table.Name))];

    /// <summary>The API resources some pipeline ingests.</summary>
    public IReadOnlyList<ApiResource> ApiResources { get; } = [.. SourceDatasets.Api.Where(resource => Extracted(pipelines, ExtractSource.Api).Contains(resource.Name))];

    private static HashSet<string> Extracted(IReadOnlyList<CoursePipeline> pipelines, ExtractSource source) =>
        [.. pipelines.SelectMany(pipeline => pipeline.Extracts).Where(step => step.Source == source).SelectMany(step => step.Datasets)];
}
