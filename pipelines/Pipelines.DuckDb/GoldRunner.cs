using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Sql;

namespace Pipelines.DuckDb;

/// <summary>Builds gold on DuckDB: each model, in the order its reads give, as a table from its translated SQL.</summary>
public static class GoldRunner
{
    public static IReadOnlyList<(string Model, long Rows)> Run(DuckDbTables tables, IReadOnlyList<GoldModel> models) =>
        Build(tables, GoldModels.InRunOrder(models));

    /// <summary>
    /// The explicit refresh step: rebuilds the named models and every model that reads them, in run order.
    /// Until it runs, a <c>table</c> model keeps the answer of its last build — the staleness a
    /// "materialized" table trades for speed; views are always current.
    /// </summary>
    public static IReadOnlyList<(string Model, long Rows)> Refresh(DuckDbTables tables, IReadOnlyList<GoldModel> models, params string[] names)
    {
        var unknown = names.Where(name => models.All(model => model.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"no model {string.Join(", ", unknown)} to refresh", nameof(names));
        }
        var stale = new HashSet<string>(names, StringComparer.Ordinal);
        var order = GoldModels.InRunOrder(models);
        foreach (var model in order)
        {
            if (model.Reads.Any(read => stale.Contains(read.Replace("gold.", "", StringComparison.OrdinalIgnoreCase))))
            {
                stale.Add(model.Name);
            }
        }
        return Build(tables, [.. order.Where(model => stale.Contains(model.Name))]);
    }

    /// <summary>Builds one model, whose reads must already be built: a pipeline's step.</summary>
    public static long Build(DuckDbTables tables, GoldModel model) => Build(tables, [model])[0].Rows;

    private static IReadOnlyList<(string Model, long Rows)> Build(DuckDbTables tables, IReadOnlyList<GoldModel> ordered)
    {
        tables.Execute("CREATE SCHEMA IF NOT EXISTS silver; CREATE SCHEMA IF NOT EXISTS gold");
        var built = new List<(string, long)>();
        foreach (var model in ordered)
        {
            string sql;
            try
            {
                sql = TrinoToDuckDb.Translate(model.Sql);
            }
            catch (NotSupportedException e)
            {
                throw new NotSupportedException($"{model.Course}/{model.Name}: {e.Message}", e);
            }
            var target = $"gold.{QualitySql.Id(model.Name)}";
            if (model.MergeOn is { } key && tables.Count($"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'gold' AND table_name = {QualitySql.Literal(model.Name)}") > 0)
            {
                tables.Execute(TrinoToDuckDb.Translate(MergeSql.Build(target, model.Sql.TrimEnd(), key, Columns(tables, sql))));
            }
            else
            {
                tables.Execute($"CREATE OR REPLACE {(model.IsView ? "VIEW" : "TABLE")} {target} AS {sql}");
            }
            built.Add((model.Name, tables.Count($"SELECT count(*) FROM gold.{QualitySql.Id(model.Name)}")));
        }
        return built;
    }

    private static List<string> Columns(DuckDbTables tables, string query)
    {
        using var command = tables.Connection.CreateCommand();
        command.CommandText = $"SELECT * FROM ({query}) AS model LIMIT 0";
        using var reader = command.ExecuteReader();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    /// <summary>
    /// Loads a dataset's silver as it stands after all its runs (<see cref="SilverSql.Current"/>: the latest row
    /// of each key across the run files) into <c>silver.{name}</c>: what the gate and gold read, as on Athena.
    /// </summary>
    public static void LoadCurrentSilver(DuckDbTables tables, SilverDataset dataset, string folder)
    {
        tables.Execute("CREATE SCHEMA IF NOT EXISTS silver");
        var runs = $"read_parquet({QualitySql.Literal(Path.Combine(folder, "**", "*.parquet"))}, hive_partitioning = true, filename = true)";
        tables.Execute($"CREATE OR REPLACE TABLE silver.{QualitySql.Id(dataset.Name)} AS {TrinoToDuckDb.Translate(SilverSql.Current(dataset, runs, "filename"))}");
    }

    /// <summary>Loads silver Parquet (as the silver transform writes it, partitions as folders) into <c>silver.{name}</c>.</summary>
    public static void LoadSilver(DuckDbTables tables, string name, string folder)
    {
        tables.Execute("CREATE SCHEMA IF NOT EXISTS silver");
        tables.Execute($"CREATE OR REPLACE TABLE silver.{QualitySql.Id(name)} AS SELECT * FROM read_parquet({QualitySql.Literal(Path.Combine(folder, "**", "*.parquet"))}, hive_partitioning = true)");
    }
}
