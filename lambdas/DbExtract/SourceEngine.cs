using System.Data.Common;
using System.Globalization;
using MySqlConnector;
using Npgsql;
using Pipelines.Declarations.Functions;

namespace DbExtract;

/// <summary>What differs between the two source engines: connecting, quoting, and naming the current schema.</summary>
/// <param name="PrimaryKeyQuery">
/// The key columns of table <c>@p0</c> in order. Not information_schema's constraint views: they show a table's constraints
/// only to a user with more than SELECT on it, and the extract's user reads only.
/// </param>
public sealed record SourceEngine(string Name, char Quote, string CurrentSchema, string PrimaryKeyQuery)
{
    public static readonly SourceEngine MySql = new("mysql", '`', "DATABASE()",
        "SELECT column_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = @p0 AND index_name = 'PRIMARY' ORDER BY seq_in_index");

    public static readonly SourceEngine PostgreSql = new("postgresql", '"', "current_schema()", """
        SELECT a.attname FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = @p0
        ORDER BY array_position(i.indkey::int2[], a.attnum)
        """);

    public static SourceEngine Named(string? name) => name switch
    {
        "mysql" or "mariadb" => MySql,
        "postgresql" or "postgres" => PostgreSql,
        _ => throw new InvalidOperationException($"{DbExtractContract.EngineVariable} is '{name}': set mysql (MariaDB, MySQL) or postgresql"),
    };

    public string Identifier(string name) => $"{Quote}{name}{Quote}";

    /// <summary>
    /// Whether the column is read as the server's text: Npgsql throws on a numeric past .NET's decimal, and reads a timestamp
    /// after year 9999 as a wrong date without a word; the server's text of numbers, dates and timestamps is exact.
    /// </summary>
    public bool ReadsAsText(SourceColumn column) =>
        this == PostgreSql && column.DataType is "numeric" or "date" or "timestamp without time zone" or "timestamp with time zone";

    public string Selected(SourceColumn column) => ReadsAsText(column) ? $"{Identifier(column.Name)}::text" : Identifier(column.Name);

    /// <summary>What the session is set to before the extract's query: the text of dates and timestamps in ISO form, in UTC.</summary>
    public string? SessionSettings => this == PostgreSql ? "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'" : null;

    /// <summary>
    /// A connection from the environment's settings. TLS is required unless the environment disables it (local servers).
    /// With a CA bundle configured the server's certificate must chain to it and name the host (RDS's CAs are not in the
    /// runtime's trust store, so without one the channel is encrypted but the server unverified: docs/decisions.md).
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
        var bundle = environment(DbExtractContract.CaBundleVariable) is { Length: > 0 } path ? path : null;
        if (bundle is not null && tls == "disable")
        {
            throw new InvalidOperationException($"{DbExtractContract.CaBundleVariable} is set but {DbExtractContract.TlsVariable} is 'disable': a CA bundle verifies TLS, which is off");
        }
        if (bundle is not null && !File.Exists(bundle))
        {
            throw new InvalidOperationException($"{DbExtractContract.CaBundleVariable} names '{bundle}', which does not exist");
        }
        if (this == MySql)
        {
            return new MySqlConnection(new MySqlConnectionStringBuilder
            {
                Server = Required(DbExtractContract.HostVariable),
                Port = port is null ? 3306u : uint.Parse(port, CultureInfo.InvariantCulture),
                Database = Required(DbExtractContract.DatabaseVariable),
                UserID = Required(DbExtractContract.UserVariable),
                Password = password,
                SslMode = tls == "disable" ? MySqlSslMode.None : bundle is null ? MySqlSslMode.Required : MySqlSslMode.VerifyFull,
                SslCa = bundle ?? "",
            }.ConnectionString);
        }
        return new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = Required(DbExtractContract.HostVariable),
            Port = port is null ? 5432 : int.Parse(port, CultureInfo.InvariantCulture),
            Database = Required(DbExtractContract.DatabaseVariable),
            Username = Required(DbExtractContract.UserVariable),
            Password = password,
            SslMode = tls == "disable" ? SslMode.Disable : bundle is null ? SslMode.Require : SslMode.VerifyFull,
            RootCertificate = bundle,
        }.ConnectionString);
    }
}
