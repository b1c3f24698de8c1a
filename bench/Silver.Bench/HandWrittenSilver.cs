using Pipelines.DuckDb;

/// <summary>
/// Silver's whole job for order lines, written by hand as one would in DuckDB, apart from the transform's code: the
/// typed read (amounts as text, so no value is rounded unseen), the same rules in the same order with their reasons,
/// rejected rows into a quarantine, the first row of each natural key, rows ordered by key into zstd Parquet, and the
/// counts. The equal-work baseline of the transform (docs/benchmarks.md).
/// </summary>
internal static class HandWrittenSilver
{
    public sealed record Counts(long In, long Valid, long Out, long Quarantined);

    public static Counts Run(string input, string silverFile, string quarantineFile)
    {
        using var duck = new DuckDbTables();
        duck.Execute("SET threads = 2; SET memory_limit = '200MB'; SET preserve_insertion_order = true");
        duck.Execute($$"""
            CREATE TEMP TABLE checked AS
            SELECT order_number, product_code, quantity_ordered, TRY_CAST(price_each AS DECIMAL(14,2)) AS price_each, order_line_number,
                   price_each AS price_text,
                   CASE
                     WHEN order_number IS NULL THEN 'not_null(order_number)'
                     WHEN product_code IS NULL THEN 'not_null(product_code)'
                     WHEN quantity_ordered IS NULL THEN 'not_null(quantity_ordered)'
                     WHEN price_each IS NULL THEN 'not_null(price_each)'
                     WHEN TRY_CAST(price_each AS DECIMAL(14,2)) IS NULL THEN 'type(price_each, decimal(14,2))'
                     WHEN regexp_matches(price_each, '\.[0-9]{2}[0-9]*[1-9]')
                       OR (regexp_matches(price_each, '[eE]') AND TRY_CAST(price_each AS DOUBLE) <> TRY_CAST(price_each AS DECIMAL(14,2))) THEN 'decimal_places(price_each, 2)'
                     WHEN order_line_number IS NULL THEN 'not_null(order_line_number)'
                     WHEN quantity_ordered < 1 THEN 'in_range(quantity_ordered, 1, inf)'
                     WHEN TRY_CAST(price_each AS DECIMAL(14,2)) < 0 THEN 'in_range(price_each, 0, inf)'
                   END AS reason
            FROM read_json('{{input}}', format = 'newline_delimited',
                 columns = {'order_number': 'BIGINT', 'product_code': 'VARCHAR', 'quantity_ordered': 'BIGINT', 'price_each': 'VARCHAR', 'order_line_number': 'BIGINT'})
            """);
        duck.Execute($"""
            COPY (
              SELECT order_number, product_code, quantity_ordered, price_each, order_line_number FROM checked WHERE reason IS NULL
              QUALIFY row_number() OVER (PARTITION BY order_number, product_code ORDER BY quantity_ordered, price_each, order_line_number) = 1
              ORDER BY order_number, product_code
            ) TO '{silverFile}' (FORMAT parquet, COMPRESSION zstd)
            """);
        duck.Execute($"""
            COPY (
              SELECT order_number, product_code, quantity_ordered, price_text AS price_each, order_line_number, reason FROM checked WHERE reason IS NOT NULL
              ORDER BY reason, order_number, product_code
            ) TO '{quarantineFile}' (FORMAT json)
            """);
        return new Counts(duck.Count("SELECT count(*) FROM checked"), duck.Count("SELECT count(*) FROM checked WHERE reason IS NULL"),
            duck.Count($"SELECT count(*) FROM read_parquet('{silverFile}')"), duck.Count($"SELECT count(*) FROM read_json('{quarantineFile}', format = 'newline_delimited')"));
    }

    /// <summary>Differences between the transform's output and this one's, row for row; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(string transformSilver, string transformQuarantine, string silverFile, string quarantineFile)
    {
        using var duck = new DuckDbTables();
        var differences = new List<string>();
        var theirs = $"read_parquet('{transformSilver}')";
        var ours = $"read_parquet('{silverFile}')";
        foreach (var (from, to, label) in new[] { (theirs, ours, "transform rows missing here"), (ours, theirs, "rows here missing in the transform") })
        {
            var count = duck.Count($"SELECT count(*) FROM (SELECT order_number, product_code, quantity_ordered, price_each, order_line_number FROM {from} EXCEPT ALL SELECT order_number, product_code, quantity_ordered, price_each, order_line_number FROM {to})");
            if (count > 0)
            {
                differences.Add($"{count} {label}");
            }
        }
        var reasons = $"SELECT _reason AS reason, count(*) AS n FROM read_json('{transformQuarantine}', format = 'newline_delimited') GROUP BY ALL";
        var ourReasons = $"SELECT reason, count(*) AS n FROM read_json('{quarantineFile}', format = 'newline_delimited') GROUP BY ALL";
        var reasonDifferences = duck.Count($"SELECT count(*) FROM (({reasons} EXCEPT {ourReasons}) UNION ALL ({ourReasons} EXCEPT {reasons}))");
        if (reasonDifferences > 0)
        {
            differences.Add($"{reasonDifferences} quarantine reasons counted differently");
        }
        return differences;
    }
}
