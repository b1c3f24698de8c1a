using Pipelines.Declarations.Lakehouse;

namespace Pipelines.Declarations.Sql;

/// <summary>
/// The statements that build one gold model on Athena, in order: a view is replaced; a merge model is kept
/// with <c>MERGE INTO</c> its Iceberg table (which the catalog declares); any other model is built by CTAS
/// into a table of its run (<c>{model}__r{run}</c>, at the run's own location: CTAS refuses a location
/// that holds files), and only then does the model's view point at it. A failed build never touches what
/// readers see: the view keeps pointing at the previous run's table until the new one stands.
/// </summary>
public static class AthenaGoldSql
{
    /// <summary>Between a model's name and its run in the name of a run's table.</summary>
    public const string RunSeparator = "__r";

    /// <param name="relation">Maps <c>silver.x</c> / <c>gold.x</c> to the relation in the stack's catalog.</param>
    /// <param name="run">The run that builds a table model: its id (digits only) and where its files go.</param>
    public static IReadOnlyList<string> Statements(GoldModel model, Func<string, string> relation, GoldRun run)
    {
        var query = GoldModel.WithoutComments(model.Qualified(relation));
        var target = relation(model.Relation);
        if (model.IsView)
        {
            return [$"CREATE OR REPLACE VIEW {target} AS\n{query}"];
        }
        if (model.MergeOn is { } key)
        {
            return [MergeSql.Build(target, query, key, [.. model.Columns.Select(column => column.Name)])];
        }
        var table = $"{target}{RunSeparator}{run.Id}";
        return
        [
            $"CREATE TABLE {table}\nWITH (format = 'PARQUET', write_compression = 'SNAPPY', external_location = {QualitySql.Literal(run.Location)})\nAS\n{query}",
            $"CREATE OR REPLACE VIEW {target} AS\nSELECT * FROM {table}",
        ];
    }
}

/// <param name="Id">The run's id as it appears in its table's name (digits, or a placeholder a state fills in).</param>
/// <param name="Location">Where the run's table keeps its files, a prefix no other run uses.</param>
public sealed record GoldRun(string Id, string Location);
