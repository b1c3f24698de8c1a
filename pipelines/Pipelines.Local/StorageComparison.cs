using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Sql;
using Pipelines.DuckDb;

namespace Pipelines.Local;

/// <summary>One analytical query on the row store and on columnar Parquet: rows, time (second run) and bytes it had to read.</summary>
public sealed record StorageComparison(string Query, long RowStoreRows, double RowStoreMs, long RowStoreBytes, long ColumnarRows, double ColumnarMs, long ColumnarBytes);

/// <summary>
/// Course 3's lesson: the course's gold queries run on the relational source (a row store reads whole rows:
/// the tables' data length) and on silver's Parquet with DuckDB (a column store reads the columns the query
/// names: their compressed size in the files' metadata). The same SQL files; only the relations differ.
/// </summary>
public static partial class RowVsColumnar
{
    public static IReadOnlyList<StorageComparison> Compare(IEnumerable<GoldModel> models, Func<DbConnection> openRowStore, string silverFolder)
    {
        var results = new List<StorageComparison>();
        using var duck = new DuckDbTables();
        foreach (var model in models.Where(m => m.Reads.All(read => read.StartsWith("silver.", StringComparison.Ordinal))))
        {
            var tables = model.Reads.Select(read => read["silver.".Length..]).ToList();
            var body = GoldModel.WithoutComments(model.Sql);
            using var connection = openRowStore();
            var (rowRows, rowMs) = Time(() => Count(connection, $"SELECT count(*) FROM ({GoldModel.WithoutComments(model.Qualified(read => read["silver.".Length..]))}) AS q"));
            var rowBytes = tables.Sum(table => Count(connection, $"SELECT coalesce(sum(data_length), 0) FROM information_schema.tables WHERE table_schema = database() AND table_name = '{table}'"));
            string Parquet(string table) => $"read_parquet({QualitySql.Literal(Path.Combine(silverFolder, table, "**", "*.parquet"))}, hive_partitioning = true)";
            var columnar = TrinoToDuckDb.Translate(GoldModel.WithoutComments(model.Qualified(read => Parquet(read["silver.".Length..]))));
            var (colRows, colMs) = Time(() => duck.Count($"SELECT count(*) FROM ({columnar}) AS q"));
            var named = Identifiers().Matches(body).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
            var colBytes = tables.Sum(table => duck.Count(
                $"SELECT CAST(coalesce(sum(total_compressed_size), 0) AS BIGINT) FROM parquet_metadata({QualitySql.Literal(Path.Combine(silverFolder, table, "**", "*.parquet"))}) " +
                $"WHERE path_in_schema IN ({string.Join(", ", named.Select(QualitySql.Literal))})"));
            results.Add(new StorageComparison(model.Name, rowRows, rowMs, rowBytes, colRows, colMs, colBytes));
        }
        return results;
    }

    private static (long Rows, double Milliseconds) Time(Func<long> query)
    {
        query();
        var clock = Stopwatch.StartNew();
        var rows = query();
        return (rows, clock.Elapsed.TotalMilliseconds);
    }

    private static long Count(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("[a-z_][a-z0-9_]*", RegexOptions.IgnoreCase)]
    private static partial Regex Identifiers();
}
