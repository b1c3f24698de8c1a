using Pipelines.Generator;
using Pipelines.Generator.Output;
using Pipelines.Declarations.Schema;

namespace Pipelines.Tests.Generation;

public sealed class WriterTests
{
    private static readonly DatasetSchema Notes = new("notes", "test", [
        Column.KeyOf("id", DataType.Integer), Column.Optional("text", DataType.Text), Column.Optional("amount", DataType.Decimal),
        Column.Optional("at", DataType.Timestamp), Column.Optional("flag", DataType.Boolean)]);

    private static readonly object?[][] Rows =
    [
        [1L, "plain", 1.50m, new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc), true],
        [2L, "comma, \"quote\"\nline", null, null, false],
        [3L, "it's a back\\slash", -2m, null, null],
    ];

    [Fact]
    public void Csv_quotes_fields_that_need_it_and_leaves_nulls_empty()
    {
        var text = new StringWriter();
        CsvWriter.Write(Notes, Rows, text);
        Assert.Equal("id,text,amount,at,flag\r\n1,plain,1.50,2025-01-02T03:04:05Z,true\r\n2,\"comma, \"\"quote\"\"\nline\",,,false\r\n3,it's a back\\slash,-2,,\r\n", text.ToString());
    }

    [Fact]
    public void Csv_refuses_a_nested_dataset()
    {
        var data = new CourseData(new GeneratorSettings());
        Assert.Contains("NDJSON", Assert.Throws<ArgumentException>(() => CsvWriter.Write(data["web_sessions"].Schema, [], new StringWriter())).Message);
    }

    [Fact]
    public void Sql_literals_escape_per_dialect()
    {
        Assert.Equal("'it''s a back\\\\slash'", SqlDialect.MySql.Literal("it's a back\\slash"));
        Assert.Equal("'it''s a back\\slash'", SqlDialect.PostgreSql.Literal("it's a back\\slash"));
        Assert.Equal("'2025-01-02 03:04:05'", SqlDialect.PostgreSql.Literal(new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        Assert.Equal("NULL", SqlDialect.MySql.Literal(null));
        Assert.Equal("-2", SqlDialect.MySql.Literal(-2m));
    }

    [Fact]
    public void Create_table_declares_the_key_and_indexes_updated_at()
    {
        var data = new CourseData(new GeneratorSettings());
        var ddl = SqlScriptWriter.CreateTable(SqlDialect.PostgreSql, data["orders"].Schema);
        Assert.Contains("PRIMARY KEY (\"order_number\")", ddl);
        Assert.Contains("CREATE INDEX \"ix_orders_updated_at\"", ddl);
        Assert.Contains("`customer_number` BIGINT", SqlScriptWriter.CreateTable(SqlDialect.MySql, data["orders"].Schema));
    }

    [Fact]
    public void Ndjson_writes_one_object_per_row_with_nested_lists()
    {
        var data = new CourseData(new GeneratorSettings());
        using var buffer = new MemoryStream();
        NdjsonWriter.Write(data["listening_sessions"].Schema, data["listening_sessions"].Rows().Take(3), buffer);
        var lines = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.True(first.RootElement.GetProperty("items").GetArrayLength() >= 1);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, first.RootElement.GetProperty("items")[0].GetProperty("price").ValueKind);
    }

    [Fact]
    public void Files_and_manifest_are_written_for_every_dataset()
    {
        var folder = Directory.CreateTempSubdirectory("course-data-").FullName;
        try
        {
            var data = new CourseData(new GeneratorSettings(Scale: 0.1));
            var summary = DatasetFiles.Write(data, folder);
            Assert.Equal(data.All.Count(), summary.Count);
            foreach (var (dataset, rows, _) in summary)
            {
                Assert.Equal(rows, File.ReadLines(Path.Combine(folder, "ndjson", dataset + ".ndjson")).LongCount());
            }
            Assert.Equal(data["orders"].RowCount + 1, File.ReadLines(Path.Combine(folder, "csv", "orders.csv")).Count());
            Assert.Contains("CREATE TABLE \"songs\"", File.ReadAllText(Path.Combine(folder, "sql", "postgresql.sql")));
            Assert.DoesNotContain("listening_sessions", File.ReadAllText(Path.Combine(folder, "sql", "mysql.sql")));
            Assert.Equal(summary.Sum(s => s.BadRows), File.ReadLines(Path.Combine(folder, DatasetFiles.BadRowsFile)).Count());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
