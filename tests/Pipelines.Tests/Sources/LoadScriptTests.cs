using MySqlConnector;
using Npgsql;
using Pipelines.Generator;
using Pipelines.Generator.Output;

namespace Pipelines.Tests.Sources;

/// <summary>The generated load scripts, run by each database's own client against a real server.</summary>
public sealed class LoadScriptTests(SourceServersFixture servers) : IClassFixture<SourceServersFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("load-scripts-").FullName;
    private readonly CourseData _data = new(new GeneratorSettings(Scale: 0.5));

    private string Script(SqlDialect dialect)
    {
        DatasetFiles.Write(_data, _folder, dialect == SqlDialect.MySql ? DataFormats.MySql : DataFormats.PostgreSql);
        return Path.Combine(_folder, "sql", $"{dialect.Name}.sql");
    }

    [Fact]
    public async Task The_mariadb_script_loads_every_table_with_every_row()
    {
        servers.MariaDb.CreateDatabase("load_test");
        servers.MariaDb.RunScript("load_test", Script(SqlDialect.MySql));
        servers.MariaDb.RunScript("load_test", Script(SqlDialect.MySql));

        await using var connection = new MySqlConnection(servers.MariaDb.ConnectionString("load_test"));
        await connection.OpenAsync();
        foreach (var table in _data.Relational)
        {
            await using var count = new MySqlCommand($"SELECT COUNT(*) FROM `{table.Schema.Name}`", connection);
            Assert.Equal(table.RowCount, Convert.ToInt64(await count.ExecuteScalarAsync()));
        }
    }

    [Fact]
    public async Task The_postgresql_script_loads_every_table_with_every_row_and_keeps_values()
    {
        servers.Postgres.CreateDatabase("load_test");
        servers.Postgres.RunScript("load_test", Script(SqlDialect.PostgreSql));

        await using var connection = new NpgsqlConnection(servers.Postgres.ConnectionString("load_test"));
        await connection.OpenAsync();
        foreach (var table in _data.Relational)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table.Schema.Name}\"", connection);
            Assert.Equal(table.RowCount, (long)(await count.ExecuteScalarAsync())!);
        }
        var first = _data["customers"].Rows().First();
        await using var select = new NpgsqlCommand("SELECT customer_name, credit_limit, updated_at FROM customers WHERE customer_number = 103", connection);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(first[1], reader.GetString(0));
        Assert.Equal((decimal)first[12]!, reader.GetDecimal(1));
        Assert.Equal((DateTime)first[13]!, DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
