namespace Infra.Platform.Components.Database;

/// <summary>
/// An RDS engine as the platform runs it: the major version, its parameter family, its port, the
/// parameter that refuses unencrypted connections, and the name the extract function knows it by.
/// </summary>
public sealed record DatabaseEngine(string Engine, string Version, string Family, int Port, string RequireTlsParameter, string ExtractEngine)
{
    public static readonly DatabaseEngine MySql = new("mysql", "8.0", "mysql8.0", 3306, "require_secure_transport", "mysql");
    public static readonly DatabaseEngine PostgreSql = new("postgres", "16", "postgres16", 5432, "rds.force_ssl", "postgresql");
}
