using Pipelines.Data.Lakehouse;

namespace Pipelines.Data.Sql;

/// <summary>
/// The statements that build one gold model on Athena, in order: a view is replaced; a merge model is kept
/// with <c>MERGE INTO</c> its Iceberg table (which the catalog declares); any other table is dropped and
/// created again by CTAS under a fresh location, since CTAS refuses a location that holds files.
/// </summary>
public static class AthenaGoldSql
{
    /// <param name="relation">Maps <c>silver.x</c> / <c>gold.x</c> to the relation in the stack's catalog.</param>
    /// <param name="tableLocation">Where a rebuilt table's files go (a prefix no earlier build used).</param>
    public static IReadOnlyList<string> Statements(GoldModel model, Func<string, string> relation, string tableLocation)
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
        return
        [
            $"DROP TABLE IF EXISTS {target}",
            $"CREATE TABLE {target}\nWITH (format = 'PARQUET', write_compression = 'SNAPPY', external_location = {QualitySql.Literal(tableLocation)})\nAS\n{query}",
        ];
    }
}
