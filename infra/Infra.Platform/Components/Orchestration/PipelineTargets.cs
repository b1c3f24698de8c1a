using Infra.Model.Values;

namespace Infra.Platform.Components.Orchestration;

/// <summary>What a course's state machine acts on, resolved by the stack's other components.</summary>
/// <param name="Functions">Function ARN by the function's artifact name (its contract).</param>
/// <param name="Catalog">The stack's Glue databases: models' relations are renamed into them.</param>
/// <param name="GoldBucket">The gold bucket's name: rebuilt tables are written under it.</param>
/// <param name="Topic">The SNS topic the run's outcome is published to.</param>
public sealed record PipelineTargets(
    IReadOnlyDictionary<string, Value> Functions,
    Catalog.GlueCatalogResult Catalog,
    AthenaTarget Athena,
    Value GoldBucket,
    Value Topic)
{
    /// <summary>Whether Lake Formation governs the lake and vends the queries' data credentials (no S3 rights of the pipeline's own needed).</summary>
    public bool DataThroughLakeFormation { get; init; }

    public Value Function(Pipelines.Declarations.Functions.FunctionContract contract) =>
        Functions.TryGetValue(contract.Artifact, out var arn) ? arn
        : throw new Infra.Model.SynthesisException($"the pipeline invokes {contract.Artifact}, which this stack does not deploy");

    public IReadOnlyDictionary<string, string> Databases => Catalog.Databases;

    public string Relation(string layered) => Catalog.Relation(layered);

    /// <summary>Whether the model is merged into an S3 Tables table (Athena allows that only from a workgroup without KMS results).</summary>
    public bool MergesIntoTableBucket(Pipelines.Declarations.Lakehouse.GoldModel model) => model.MergeOn is not null && Catalog.TableBucket is not null;

    public Serving.WorkgroupResult WorkgroupFor(Pipelines.Declarations.Lakehouse.GoldModel model) =>
        MergesIntoTableBucket(model)
            ? Athena.TableWrites ?? throw new Infra.Model.SynthesisException($"gold {model.Name} merges into S3 Tables, but the stack has no workgroup for such writes")
            : Athena.Workgroup;

    /// <summary>The workgroups the pipeline's queries run in.</summary>
    public IReadOnlyList<Serving.WorkgroupResult> Workgroups(Pipelines.Declarations.Orchestration.CoursePipeline pipeline) =>
        [Athena.Workgroup, .. pipeline.Gold.Where(MergesIntoTableBucket).Select(WorkgroupFor).Distinct()];
}
