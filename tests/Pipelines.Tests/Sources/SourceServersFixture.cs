using Pipelines.LocalServers;

namespace Pipelines.Tests.Sources;

/// <summary>Real MariaDB and PostgreSQL on 127.0.0.1 for the test class; stopped when it ends, failed or not.</summary>
public sealed class SourceServersFixture : IDisposable
{
    public LocalMariaDb MariaDb { get; } = LocalMariaDb.Start();
    public LocalPostgres Postgres { get; } = LocalPostgres.Start();

    public void Dispose()
    {
        try
        {
            MariaDb.Dispose();
        }
        finally
        {
            Postgres.Dispose();
        }
    }
}
