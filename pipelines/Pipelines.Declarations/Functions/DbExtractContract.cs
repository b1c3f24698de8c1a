namespace Pipelines.Declarations.Functions;

/// <summary>The database extract function: MariaDB/MySQL or PostgreSQL tables → gzip NDJSON parts and a run manifest in bronze.</summary>
public static class DbExtractContract
{
    public static readonly FunctionContract Function = new("db-extract", "DbExtract");

    public const string BucketVariable = BronzeVariables.Bucket;
    public const string OutputPrefixVariable = BronzeVariables.OutputPrefix;

    /// <summary><c>mysql</c> (MariaDB and MySQL) or <c>postgresql</c>.</summary>
    public const string EngineVariable = "DB_ENGINE";
    public const string HostVariable = "DB_HOST";
    public const string PortVariable = "DB_PORT";
    public const string DatabaseVariable = "DB_NAME";
    public const string UserVariable = "DB_USER";

    /// <summary>The SSM SecureString holding the database password.</summary>
    public const string PasswordParameterVariable = "DB_PASSWORD_PARAMETER";

    /// <summary>Local mode only: a file holding the password, in place of the parameter.</summary>
    public const string PasswordFileVariable = "DB_PASSWORD_FILE";

    /// <summary>Comma-separated <c>name=full</c>, <c>name=incremental:column</c> or <c>name=key:column</c>.</summary>
    public const string TablesVariable = "DB_TABLES";

    /// <summary><c>require</c> (default: TLS to RDS) or <c>disable</c> (local servers only).</summary>
    public const string TlsVariable = "DB_TLS";

    /// <summary>A PEM bundle of the certificate authorities the server's certificate must chain to; set, TLS is verified (host name too).</summary>
    public const string CaBundleVariable = "DB_CA_BUNDLE";

    /// <summary><c>password</c> (default: the parameter or file above) or <c>iam</c> (an RDS IAM authentication token of the role).</summary>
    public const string AuthenticationVariable = "DB_AUTH";

    public const string PasswordAuthentication = "password";
    public const string IamAuthentication = "iam";

    /// <summary>The read-only database user the extract connects as in AWS.</summary>
    public const string ReaderUser = "extract_reader";

    /// <summary>
    /// The handler (Lambda's <c>handler</c> setting) of the same executable that creates or updates the read-only user,
    /// signed in as the database's administrator; run by the deployment, never by the pipeline.
    /// </summary>
    public const string GrantReaderHandler = "grant-reader";

    public const string ChunkRowsVariable = "CHUNK_ROWS";
    public const string StatePrefixVariable = "STATE_PREFIX";

    public const string DefaultOutputPrefix = "db";
    public const string DefaultStatePrefix = "_state/db";

    /// <summary>Prefix of the rows a value of which cannot be written as it is (NaN, an infinite date, MySQL's zero date, …), each with its key and reason.</summary>
    public const string QuarantinePrefixVariable = "QUARANTINE_PREFIX";

    public const string DefaultQuarantinePrefix = "quarantine/db";
    public const int DefaultChunkRows = 50_000;
}
