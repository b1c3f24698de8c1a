using Pipelines.Declarations.Functions;
using Pipelines.Declarations.Lakehouse;

namespace Pipelines.Declarations.Orchestration;

/// <summary>
/// One step of a course's pipeline. Its name is the step's name everywhere: a state of the state machine,
/// a line of the local runner's progress.
/// </summary>
public abstract record PipelineStep(string Name);

/// <summary>Where an extract step reads from.</summary>
public enum ExtractSource
{
    Database,
    Api,
}

/// <summary>
/// Lands the datasets of one source in bronze, one run each, by invoking that source's function once per
/// dataset until its run is complete (a run stopped for time resumes from its checkpoint).
/// </summary>
public sealed record ExtractStep(ExtractSource Source, IReadOnlyList<string> Datasets)
    : PipelineStep(Source == ExtractSource.Database ? "ExtractDatabase" : "ExtractApi")
{
    /// <summary>How often one dataset's run may stop for time and be invoked again before the pipeline fails.</summary>
    public const int MaxContinuations = 20;

    public FunctionContract Function => Source == ExtractSource.Database ? DbExtractContract.Function : RestIngestionContract.Function;

    /// <summary>The bronze prefix the source's function writes under.</summary>
    public string BronzePrefix => PrefixOf(Source);

    public static string PrefixOf(ExtractSource source) => source == ExtractSource.Database ? DbExtractContract.DefaultOutputPrefix : RestIngestionContract.DefaultOutputPrefix;
}

/// <summary>Transforms each dataset's new bronze run to silver (row rules quarantine what they reject).</summary>
public sealed record SilverTransformStep(IReadOnlyList<SilverDataset> Datasets) : PipelineStep("SilverTransform");

/// <summary>Evaluates the datasets' rules on silver; any broken rule stops the pipeline before gold reads it.</summary>
public sealed record QualityGateStep(IReadOnlyList<SilverDataset> Datasets) : PipelineStep("QualityGate");

/// <summary>Builds one gold table (rebuilt, or merged on its key).</summary>
public sealed record GoldModelStep(GoldModel Model) : PipelineStep($"Build_{Model.Name}");

/// <summary>Creates the views and rebuilds the refreshed ("materialized") tables, once every table they read is built.</summary>
public sealed record RefreshStep(IReadOnlyList<GoldModel> Models) : PipelineStep("Refresh");

/// <summary>Tells the stack's subscribers the run succeeded (failures are told wherever they happen).</summary>
public sealed record NotifyStep() : PipelineStep("NotifySuccess");
