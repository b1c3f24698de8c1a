using Pipelines.Declarations.Lakehouse;

namespace Pipelines.Declarations.Orchestration;

/// <summary>
/// A course's pipeline: its steps in the order they run. The state machine in AWS and the local runner
/// are both derived from it; neither lists steps of its own.
/// </summary>
public sealed record CoursePipeline(string Course, IReadOnlyList<PipelineStep> Steps)
{
    public IEnumerable<ExtractStep> Extracts => Steps.OfType<ExtractStep>();

    /// <summary>The silver datasets the pipeline transforms and gates.</summary>
    public IReadOnlyList<SilverDataset> Silver => Steps.OfType<SilverTransformStep>().SingleOrDefault()?.Datasets ?? [];

    /// <summary>Every gold model the pipeline builds, in the order it builds them.</summary>
    public IReadOnlyList<GoldModel> Gold =>
        [.. Steps.SelectMany(step => step switch { GoldModelStep g => [g.Model], RefreshStep r => r.Models, _ => Array.Empty<GoldModel>() })];

    public PipelineStep this[string name] =>
        Steps.FirstOrDefault(step => step.Name == name)
        ?? throw new ArgumentException($"{Course} has no step '{name}': its steps are {string.Join(", ", Steps.Select(s => s.Name))}", nameof(name));
}
