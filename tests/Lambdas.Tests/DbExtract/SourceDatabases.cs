using System.Data.Common;
using MySqlConnector;
using Npgsql;
using Pipelines.Generator;
using Pipelines.Generator.Output;
using Pipelines.LocalServers;
using DbExtract;

namespace Lambdas.Tests.DbExtract;

/// <summary>
/// Real MariaDB and PostgreSQL on 127.0.0.1 for a test class, each test in a database of its own,
/// loaded with generated data by the load scripts. Stopped when the class ends, failed or not.
/// </summary>
public sealed class SourceDatabases : IDisposable
{
    private readonly string _scripts = Directory.CreateTempSubdirectory("source-scripts-").FullName;
    private int _databases;

    public SourceDatabases()
    {
        DatasetFiles.Write(Data, _scripts, DataFormats.MySql | DataFormats.PostgreSql);
        try
        {
            MariaDb = LocalMariaDb.Start();
            Postgres = LocalPostgres.Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public CourseData Data { get; } = new(new GeneratorSettings(Scale: 0.3));
    public LocalMariaDb? MariaDb { get; }
    public LocalPostgres? Postgres { get; }

    /// <summary>A new database, with the course data loaded unless told otherwise; returns its name.</summary>
    public string NewDatabaseName(string engine, bool load = true)
    {
        var name = $"source_{Interlocked.Increment(ref _databases)}";
        if (engine == SourceEngine.MySql.Name)
        {
            MariaDb!.CreateDatabase(name);
            if (load)
            {
                MariaDb.RunScript(name, Path.Combine(_scripts, "sql", "mysql.sql"));
            }
        }
        else
        {
            Postgres!.CreateDatabase(name);
            if (load)
            {
                Postgres.RunScript(name, Path.Combine(_scripts, "sql", "postgresql.sql"));
            }
        }
        return name;
    }

    /// <summary>A new database, with the course data loaded unless told otherwise; returns how to connect to it.</summary>
    public Func<CancellationToken, Task<DbConnection>> NewDatabase(string engine, bool load = true)
    {
        var name = NewDatabaseName(engine, load);
        if (engine == SourceEngine.MySql.Name)
        {
            var connectionString = MariaDb!.ConnectionString(name);
            return async cancellationToken =>
            {
                var connection = new MySqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return connection;
            };
        }
        var postgres = Postgres!.ConnectionString(name);
        return async cancellationToken =>
        {
            var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync(cancellationToken);
            return connection;
        };
    }

    public static async Task ExecuteAsync(Func<CancellationToken, Task<DbConnection>> connect, string sql)
    {
        await using var connection = await connect(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        try
        {
            MariaDb?.Dispose();
            Postgres?.Dispose();
        }
        finally
        {
            Directory.Delete(_scripts, recursive: true);
        }
    }
}
