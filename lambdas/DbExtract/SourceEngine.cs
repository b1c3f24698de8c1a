using System.Data.Common;
using System.Globalization;
using MySqlConnector;
using Npgsql;
using Pipelines.Contracts.Functions;

namespace DbExtract;

/// <summary>What differs between the two source engines: connecting, quoting, and naming the current schema.</summary>
public sealed record SourceEngine(string Name, char Quote, string CurrentSchema)
{
    public static readonly SourceEngine MySql = new("mysql", '`', "DATABASE()");
    public static readonly SourceEngine PostgreSql = new("postgresql", '"', "current_schema()");

    public static SourceEngine Named(string? name) => name switch
    {
        "mysql" or "mariadb" => MySql,
        "postgresql" or "postgres" => PostgreSql,
        _ => throw new InvalidOperationException($"{DbExtractContract.EngineVariable} is '{name}': set mysql (MariaDB, MySQL) or postgresql"),
    };

    public string Identifier(string name) => $"{Quote}{name}{Quote}";

    /// <summary>
    /// A connection from the environment's settings. TLS is required unless the environment disables it (local servers);
    /// the certificate is not verified: the RDS CA bundle is not in the runtime's trust store (docs/decisions.md).
    /// </summary>
    public DbConnection Connect(Func<string, string?> environment, string password)
    {
        string Required(string variable) => environment(variable) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{variable} is not set");
        var tls = environment(DbExtractContract.TlsVariable) ?? "require";
        if (tls is not ("require" or "disable"))
        {
            throw new InvalidOperationException($"{DbExtractContract.TlsVariable} is '{tls}': set require or disable");
        }
        var port = environment(DbExtractContract.PortVariable);
        if (this == MySql)
        {
            return new MySqlConnection(new MySqlConnectionStringBuilder
            {
                Server = Required(DbExtractContract.HostVariable),
                Port = port is null ? 3306u : uint.Parse(port, CultureInfo.InvariantCulture),
                Database = Required(DbExtractContract.DatabaseVariable),
                UserID = Required(DbExtractContract.UserVariable),
                Password = password,
                SslMode = tls == "require" ? MySqlSslMode.Required : MySqlSslMode.None,
            }.ConnectionString);
        }
        return new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = Required(DbExtractContract.HostVariable),
            Port = port is null ? 5432 : int.Parse(port, CultureInfo.InvariantCulture),
            Database = Required(DbExtractContract.DatabaseVariable),
            Username = Required(DbExtractContract.UserVariable),
            Password = password,
            SslMode = tls == "require" ? SslMode.Require : SslMode.Disable,
        }.ConnectionString);
    }
}
