using System.Security.Cryptography;
using System.Text.Json;
using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Quality;

/// <summary>Generated bronze through the silver SQL on DuckDB: typed, valid, latest per key, counts reconciled.</summary>
public sealed class SilverTransformTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("silver-").FullName;
    private readonly CourseData _data = new(new GeneratorSettings(Scale: 0.5, BadRowRate: 0.05));
    private readonly IReadOnlyList<SilverDataset> _datasets;

    public SilverTransformTests()
    {
        DatasetFiles.Write(_data, Path.Combine(_folder, "bronze"), DataFormats.Ndjson);
        _datasets = SilverDatasets.All;
    }

    private SilverDataset Dataset(string name) => _datasets.Single(d => d.Name == name);

    private string Bronze(string name) => Path.Combine(_folder, "bronze", "ndjson", $"{name}.ndjson");

    private (SilverCounts Counts, DuckDbTables Silver, List<JsonElement> Rejected) Transform(string name, string run = "run1")
    {
        var counts = Pipelines.DuckDb.SilverTransform.Run(Dataset(name), [Bronze(name)], Path.Combine(_folder, run, "silver", name), Path.Combine(_folder, run, "quarantine", name));
        var silver = new DuckDbTables();
        silver.Execute($"CREATE TABLE {name} AS SELECT * FROM read_parquet('{Path.Combine(_folder, run, "silver", name, "**", "*.parquet")}', hive_partitioning = true)");
        var rejected = File.ReadLines(Path.Combine(_folder, run, "quarantine", name, Pipelines.DuckDb.SilverTransform.QuarantineFile)).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        return (counts, silver, rejected);
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("orders")]
    [InlineData("orderdetails")]
    [InlineData("ratings")]
    [InlineData("users")]
    [InlineData("songs")]
    public void Counts_reconcile_and_each_spoiled_row_is_quarantined_or_dropped_as_its_kind_says(string name)
    {
        var (counts, silver, rejected) = Transform(name);
        using (silver)
        {
            var bad = _data[name].BadRows().ToList();
            Assert.True(counts.Reconciles, counts.ToString());
            Assert.True(counts.TypedRead, "well-typed bronze takes the typed read");
            Assert.Equal(_data[name].RowCount, counts.In);
            Assert.Equal(bad.Count(b => b.Kind is BadRowKind.MissingRequired or BadRowKind.OutOfRange), counts.Quarantined);
            Assert.Equal(bad.Count(b => b.Kind == BadRowKind.Duplicate), counts.Duplicates);
            Assert.Equal(counts.Quarantined, rejected.Count);
            Assert.All(rejected, row => Assert.False(string.IsNullOrEmpty(row.GetProperty("_reason").GetString())));
            foreach (var spoiled in bad.Where(b => b.Kind is BadRowKind.MissingRequired or BadRowKind.OutOfRange))
            {
                Assert.Contains(rejected, row => row.GetProperty("_reason").GetString()!.Contains($"({spoiled.Column}", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Sessions_explode_to_one_row_per_item_and_spoiled_sessions_lose_the_rows_they_spoil()
    {
        var (counts, silver, rejected) = Transform("listening_sessions");
        using (silver)
        {
            var sessions = _data["listening_sessions"];
            var bad = sessions.BadRows().ToDictionary(b => b.Key, b => b.Kind);
            var firstCopies = new HashSet<string>();
            long items = 0, quarantined = 0, duplicates = 0;
            foreach (var row in sessions.Rows())
            {
                var id = (string)row[0]!;
                var count = ((List<object?[]>)row[3]!).Count;
                items += count;
                var kind = bad.TryGetValue(id, out var k) ? k : (BadRowKind?)null;
                if (kind == BadRowKind.MissingRequired) quarantined += count;
                else if (kind == BadRowKind.OutOfRange) quarantined += 1;
                else if (kind == BadRowKind.Duplicate && !firstCopies.Add(id)) duplicates += count;
            }

            Assert.Equal((items, quarantined, duplicates), (counts.In, counts.Quarantined, counts.Duplicates));
            Assert.True(counts.Reconciles);
            Assert.Equal(0, silver.Count("SELECT count(*) FROM (SELECT session_id, item_index FROM listening_sessions GROUP BY 1, 2 HAVING count(*) > 1)"));
            Assert.Equal(0, silver.Count("SELECT count(*) FROM listening_sessions WHERE item_index < 1 OR song_id IS NULL OR price < 0"));
            Assert.Contains(rejected, row => row.GetProperty("_reason").GetString() == "in_range(price, 0, inf)");
        }
    }

    [Fact]
    public void A_value_of_the_wrong_type_sends_the_batch_down_the_text_path_where_only_that_row_is_quarantined()
    {
        var file = Path.Combine(_folder, "mistyped.ndjson");
        var lines = File.ReadLines(Bronze("orderdetails")).Take(50).ToList();
        lines[7] = System.Text.RegularExpressions.Regex.Replace(lines[7], "\"quantity_ordered\":-?\\d+", "\"quantity_ordered\":\"many\"");
        File.WriteAllLines(file, lines);
        var dataset = Dataset("orderdetails");
        var otherSpoiled = _data["orderdetails"].Rows().Take(50).Where((row, index) => index != 7 && (row[2] is long q && q < 1 || row[3] is null)).Count();

        var counts = Pipelines.DuckDb.SilverTransform.Run(dataset, [file], Path.Combine(_folder, "typed", "silver"), Path.Combine(_folder, "typed", "quarantine"));

        Assert.Contains("\"many\"", lines[7]);
        Assert.False(counts.TypedRead);
        Assert.True(counts.Reconciles);
        Assert.Equal(50, counts.In);
        var rejected = File.ReadLines(Path.Combine(_folder, "typed", "quarantine", Pipelines.DuckDb.SilverTransform.QuarantineFile)).ToList();
        Assert.Single(rejected, line => line.Contains("type(quantity_ordered, bigint)", StringComparison.Ordinal) && line.Contains("many", StringComparison.Ordinal));
        Assert.Equal(otherSpoiled + 1, counts.Quarantined);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_amount_the_declared_decimal_would_round_is_quarantined_and_an_exact_one_kept_in_any_notation(bool textPath)
    {
        string[] amounts = ["1.005", "0.000000000000000000000000000001", "12.3450", "1.005e0", "12.10", "12.1000", "1E+2", "123.456e1", "\"7.25\""];
        bool[] kept = [false, false, false, false, true, true, true, true, true];
        var file = Path.Combine(_folder, "amounts.ndjson");
        var lines = File.ReadLines(Bronze("orderdetails")).Where(line => !line.Contains("null", StringComparison.Ordinal) && !line.Contains("\"quantity_ordered\":-", StringComparison.Ordinal) && !line.Contains("\"quantity_ordered\":0", StringComparison.Ordinal))
            .DistinctBy(line => line[..line.IndexOf("\"product_code\"", StringComparison.Ordinal)]).Take(amounts.Length + 1).ToList();
        for (var i = 0; i < amounts.Length; i++)
        {
            lines[i] = System.Text.RegularExpressions.Regex.Replace(lines[i], "\"price_each\":[^,}]+", $"\"price_each\":{amounts[i]}");
        }
        if (textPath)
        {
            lines[^1] = System.Text.RegularExpressions.Regex.Replace(lines[^1], "\"quantity_ordered\":-?\\d+", "\"quantity_ordered\":\"many\"");
        }
        File.WriteAllLines(file, lines);

        var counts = Pipelines.DuckDb.SilverTransform.Run(Dataset("orderdetails"), [file], Path.Combine(_folder, "amounts", "silver"), Path.Combine(_folder, "amounts", "quarantine"));

        Assert.Equal(!textPath, counts.TypedRead);
        Assert.True(counts.Reconciles);
        var rejected = File.ReadLines(Path.Combine(_folder, "amounts", "quarantine", Pipelines.DuckDb.SilverTransform.QuarantineFile)).ToList();
        Assert.Equal(kept.Count(k => !k), rejected.Count(line => line.Contains("decimal_places(price_each, 2)", StringComparison.Ordinal)));
        Assert.Equal(kept.Count(k => k) + (textPath ? 0 : 1), counts.Out);
        using var silver = new DuckDbTables();
        long Priced(string price) => silver.Count($"SELECT count(*) FROM read_parquet('{Path.Combine(_folder, "amounts", "silver", "**", "*.parquet")}') WHERE price_each = {price}");
        Assert.Equal((1, 1, 2, 1), (Priced("100.00"), Priced("1234.56"), Priced("12.10"), Priced("7.25")));
    }

    [Theory]
    [InlineData("[5]")]
    [InlineData("{\"song_id\":1}")]
    [InlineData("\"none\"")]
    public void A_session_whose_items_are_not_a_list_of_records_is_quarantined_and_the_others_explode(string items)
    {
        var file = Path.Combine(_folder, "sessions.ndjson");
        var lines = File.ReadLines(Bronze("listening_sessions")).Take(10).ToList();
        var itemsStart = lines[4].IndexOf("\"items\":", StringComparison.Ordinal) + "\"items\":".Length;
        using (var parsed = JsonDocument.Parse(lines[4]))
        {
            var original = parsed.RootElement.GetProperty("items").GetRawText();
            lines[4] = lines[4][..itemsStart] + items + lines[4][(itemsStart + original.Length)..];
        }
        File.WriteAllLines(file, lines);

        var counts = Pipelines.DuckDb.SilverTransform.Run(Dataset("listening_sessions"), [file], Path.Combine(_folder, "shapes", "silver"), Path.Combine(_folder, "shapes", "quarantine"));

        Assert.True(counts.Reconciles);
        var rejected = File.ReadLines(Path.Combine(_folder, "shapes", "quarantine", Pipelines.DuckDb.SilverTransform.QuarantineFile)).ToList();
        var entry = Assert.Single(rejected.Select(line => JsonDocument.Parse(line).RootElement), e => e.GetProperty("_reason").GetString() == "not_a_list_of_records(items)");
        Assert.Contains($"\"items\":{items}", entry.GetProperty("_raw_line").GetString());
        Assert.True(counts.Out > 0);
    }

    [Fact]
    public void The_latest_rating_of_a_pair_wins_and_values_are_typed()
    {
        var (_, silver, _) = Transform("ratings");
        using (silver)
        {
            Assert.Equal(0, silver.Count("SELECT count(*) FROM (SELECT customer_number, product_code FROM ratings GROUP BY 1, 2 HAVING count(*) > 1)"));
            foreach (var duplicate in _data["ratings"].BadRows().Where(b => b.Kind == BadRowKind.Duplicate))
            {
                var original = _data["ratings"].Rows().First(row => _data["ratings"].KeyOf(row) == duplicate.Key);
                var copies = _data["ratings"].Rows().Where(row => Equals(row[1], original[1]) && Equals(row[2], original[2])).ToList();
                var latest = copies.OrderByDescending(row => (DateTime)row[4]!).First();
                Assert.Equal((long)latest[0]!, silver.Count($"SELECT rating_id FROM ratings WHERE customer_number = {original[1]} AND product_code = '{original[2]}'"));
            }
            Assert.Equal("TIMESTAMP", Type(silver, "ratings", "rated_at"));
            Assert.Equal("BIGINT", Type(silver, "ratings", "rating"));
        }
    }

    [Fact]
    public void Orders_are_partitioned_by_year_and_a_rerun_writes_the_same_files()
    {
        var (_, first, _) = Transform("orders", "a");
        var (_, second, _) = Transform("orders", "b");
        using (first)
        using (second)
        {
            var folders = Directory.GetDirectories(Path.Combine(_folder, "a", "silver", "orders")).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(["order_year=2003", "order_year=2004", "order_year=2005"], folders);
            Assert.Equal(Files("a"), Files("b"));
        }
        Transform("orders", "a").Silver.Dispose();
        Assert.Equal(Files("b"), Files("a"));
    }

    [Theory]
    [InlineData("ratings")]
    [InlineData("orders")]
    [InlineData("users")]
    [InlineData("listening_sessions")]
    public void The_backfill_statement_gives_the_same_rows_as_the_function_path(string name)
    {
        var (_, silver, _) = Transform(name);
        using (silver)
        {
            var dataset = Dataset(name);
            var bronze = $"read_json('{Bronze(name)}', format = 'newline_delimited', columns = {{{Pipelines.DuckDb.SilverTransform.BronzeColumns(dataset.Source)}}})";
            var backfill = Pipelines.Declarations.Sql.TrinoToDuckDb.Translate(Pipelines.Declarations.Sql.SilverSql.Silver(dataset, bronze, Pipelines.Declarations.Sql.SilverSql.Engine.DuckDb));
            var keep = string.Join(", ", dataset.Columns.Select(c => $"\"{c.Name}\""));

            var onlyFunction = silver.Count($"SELECT count(*) FROM (SELECT {keep} FROM {name} EXCEPT ALL SELECT {keep} FROM ({backfill}))");
            var onlyBackfill = silver.Count($"SELECT count(*) FROM (SELECT {keep} FROM ({backfill}) EXCEPT ALL SELECT {keep} FROM {name})");

            Assert.Equal((0L, 0L), (onlyFunction, onlyBackfill));
            Assert.True(silver.Count($"SELECT count(*) FROM {name}") > 0);
        }
    }

    private Dictionary<string, string> Files(string run)
    {
        var root = Path.Combine(_folder, run, "silver", "orders");
        return Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(root, file), file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
    }

    [Fact]
    public void Lines_the_reader_cannot_take_are_quarantined_with_their_reason_byte_for_byte_and_the_rest_transforms()
    {
        var valid = File.ReadLines(Bronze("orders")).First();
        var hostile = new List<byte[]>
        {
            "[1,2,3]"u8.ToArray(),
            "42"u8.ToArray(),
            "\"x\""u8.ToArray(),
            System.Text.Encoding.UTF8.GetBytes(valid.Replace("{", "{\"status\":\"a\\ud800b\",", StringComparison.Ordinal)),
            System.Text.Encoding.UTF8.GetBytes(valid.Replace("{", "{\"k\":1,\"k\":2,", StringComparison.Ordinal)),
            System.Text.Encoding.UTF8.GetBytes("{\"status\":\"").Concat(new byte[] { 0xFF, 0xFE }).Concat("\"}"u8.ToArray()).ToArray(),
        };
        using (var file = new FileStream(Bronze("orders"), FileMode.Append))
        {
            foreach (var line in hostile)
            {
                file.Write(line);
                file.WriteByte((byte)'\n');
            }
        }

        var (counts, silver, rejected) = Transform("orders");

        using (silver)
        {
            Assert.True(counts.Reconciles, counts.ToString());
            Assert.Equal(_data["orders"].RowCount + hostile.Count, counts.In);
            var reasons = rejected.Select(row => row.GetProperty("_reason").GetString()!).ToList();
            Assert.Equal(3, reasons.Count(r => r.StartsWith("not_json_object(", StringComparison.Ordinal)));
            Assert.Equal(2, reasons.Count(r => r.StartsWith("not_unicode(", StringComparison.Ordinal)));
            Assert.Single(reasons, r => r.StartsWith("repeated_property(", StringComparison.Ordinal));
            Assert.Contains(rejected, row => row.TryGetProperty("_raw_line", out var raw) && raw.GetString() == "[1,2,3]");
        }
    }

    private static string Type(DuckDbTables tables, string table, string column)
    {
        using var command = tables.Connection.CreateCommand();
        command.CommandText = $"SELECT data_type FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'";
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
