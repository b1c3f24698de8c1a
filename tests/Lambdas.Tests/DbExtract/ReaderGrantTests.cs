using Pipelines.Declarations.Sources;
using System.Data.Common;
using DbExtract;
using MySqlConnector;
using Npgsql;
using Pipelines.Declarations.Functions;

namespace Lambdas.Tests.DbExtract;

/// <summary>The extract's read-only user, made by the grant-reader handler on real MariaDB and PostgreSQL servers.</summary>
public sealed class ReaderGrantTests(SourceDatabases sources) : IClassFixture<SourceDatabases>
{
    public static TheoryData<string> Engines => DbExtractTests.Engines;

    private const string ReaderPassword = "reader-secret";
    private static int _readers;

    private Func<CancellationToken, Task<DbConnection>> ConnectAs(string engine, string database, string? user = null, string? password = null)
    {
        string connectionString = engine == SourceEngine.MySql.Name
            ? new MySqlConnectionStringBuilder(sources.MariaDb!.ConnectionString(database)) { UserID = user ?? "root", Password = password ?? sources.MariaDb.Password }.ConnectionString
            : new NpgsqlConnectionStringBuilder(sources.Postgres!.ConnectionString(database)) { Username = user ?? "postgres", Password = password ?? sources.Postgres.Password }.ConnectionString;
        if (user is null)
        {
            connectionString = engine == SourceEngine.MySql.Name ? sources.MariaDb!.ConnectionString(database) : sources.Postgres!.ConnectionString(database);
        }
        return async cancellationToken =>
        {
            DbConnection connection = engine == SourceEngine.MySql.Name ? new MySqlConnection(connectionString) : new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return connection;
        };
    }

    private static async Task<long> CountAsync(Func<CancellationToken, Task<DbConnection>> connect, SourceEngine engine, string table)
    {
        await using var connection = await connect(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {engine.Identifier(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_reader_reads_every_table_changes_nothing_and_is_enough_for_the_extract(string engine)
    {
        var source = SourceEngine.Named(engine);
        var database = sources.NewDatabaseName(engine);
        var reader = $"reader_{Interlocked.Increment(ref _readers)}";
        var grant = new GrantReaderHandler(ConnectAs(engine, database), source, database, new ReaderSignIn.Password(ReaderPassword));

        // Granting again, as every deployment that changes the grant does, leaves the same user.
        await grant.HandleAsync(new GrantReaderRequest { Reader = reader }, CancellationToken.None);
        var response = await grant.HandleAsync(new GrantReaderRequest { Reader = reader }, CancellationToken.None);
        Assert.Equal((reader, database), (response.Reader, response.Database));

        var asReader = ConnectAs(engine, database, reader, ReaderPassword);
        var tables = SourceDatasets.Extracts.Select(table => TableSetting.ParseList(table.Setting, "test")[0]).ToList();
        foreach (var table in tables)
        {
            Assert.Equal(await CountAsync(ConnectAs(engine, database), source, table.Name), await CountAsync(asReader, source, table.Name));
        }
        var first = source.Identifier(tables[0].Name);
        foreach (var change in new[] { $"DELETE FROM {first}", $"CREATE TABLE {source.Identifier("scratch")} (id INT)", $"DROP TABLE {first}", $"UPDATE {first} SET {source.Identifier("x")} = 1" })
        {
            await Assert.ThrowsAnyAsync<DbException>(() => SourceDatabases.ExecuteAsync(asReader, change));
        }

        // The extract itself, signed in as the reader, lands every table.
        var rig = new DbExtractRig(asReader, source, tables);
        var run = await rig.RunAsync();
        Assert.True(run.Complete);
        foreach (var table in tables)
        {
            Assert.Equal(await CountAsync(ConnectAs(engine, database), source, table.Name), rig.Rows(table.Name).Count);
        }
    }

    [Fact]
    public void In_aws_the_reader_signs_in_by_iam_token_only_over_tls()
    {
        var mysql = ReaderGrant.Statements(SourceEngine.MySql, "classicmodels", DbExtractContract.ReaderUser, new ReaderSignIn.Iam());
        Assert.Contains("CREATE USER IF NOT EXISTS 'extract_reader'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'", mysql);
        Assert.Contains(mysql, sql => sql.EndsWith("REQUIRE SSL", StringComparison.Ordinal));
        Assert.Contains("GRANT SELECT ON `classicmodels`.* TO 'extract_reader'@'%'", mysql);
        Assert.DoesNotContain(mysql, sql => sql.Contains("IDENTIFIED BY", StringComparison.Ordinal));

        var postgres = ReaderGrant.Statements(SourceEngine.PostgreSql, "classicmodels", DbExtractContract.ReaderUser, new ReaderSignIn.Iam());
        Assert.Contains("GRANT rds_iam TO \"extract_reader\"", postgres);
        Assert.DoesNotContain(postgres, sql => sql.Contains("PASSWORD", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Extract_Reader")]
    [InlineData("reader'; DROP TABLE orders; --")]
    [InlineData("")]
    public void A_user_name_that_is_not_a_plain_identifier_is_refused_by_name(string reader)
    {
        var error = Assert.Throws<ArgumentException>(() => ReaderGrant.Statements(SourceEngine.PostgreSql, "db", reader, new ReaderSignIn.Iam()));
        Assert.Contains($"the user name '{reader}' is not a plain identifier", error.Message);
    }
}
