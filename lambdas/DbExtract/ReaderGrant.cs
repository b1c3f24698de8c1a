using System.Text.RegularExpressions;

namespace DbExtract;

/// <summary>How the read-only user signs in: an RDS IAM token (AWS), or a password (local servers, tests).</summary>
public abstract record ReaderSignIn
{
    public sealed record Iam : ReaderSignIn;

    public sealed record Password(string Value) : ReaderSignIn;
}

/// <summary>
/// The statements that make a read-only user of the source database: it may sign in (by IAM token in AWS, over TLS) and
/// read every table of the database, now and later, and nothing else. Each statement can run again with the same
/// result, so the deployment runs them on every change and a user that exists is brought back to this state.
/// </summary>
public static partial class ReaderGrant
{
    public static IReadOnlyList<string> Statements(SourceEngine engine, string database, string reader, ReaderSignIn signIn)
    {
        Identifier(reader, "user");
        Identifier(database, "database");
        if (engine == SourceEngine.MySql)
        {
            var account = $"'{reader}'@'%'";
            var identified = signIn switch
            {
                // RDS for MySQL: the AWS authentication plugin takes IAM tokens; IAM sign-in requires TLS.
                ReaderSignIn.Iam => "IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'",
                ReaderSignIn.Password password => $"IDENTIFIED BY '{Literal(password.Value)}'",
                _ => throw new ArgumentOutOfRangeException(nameof(signIn)),
            };
            return
            [
                $"CREATE USER IF NOT EXISTS {account} {identified}",
                $"ALTER USER {account} {identified}" + (signIn is ReaderSignIn.Iam ? " REQUIRE SSL" : ""),
                $"REVOKE ALL PRIVILEGES, GRANT OPTION FROM {account}",
                $"GRANT SELECT ON `{database}`.* TO {account}",
            ];
        }
        var role = $"\"{reader}\"";
        return
        [
            $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{reader}') THEN CREATE ROLE {role} LOGIN; END IF; END $$",
            signIn switch
            {
                // RDS for PostgreSQL: membership of rds_iam makes the role sign in by IAM token only.
                ReaderSignIn.Iam => $"GRANT rds_iam TO {role}",
                ReaderSignIn.Password password => $"ALTER ROLE {role} LOGIN PASSWORD '{Literal(password.Value)}'",
                _ => throw new ArgumentOutOfRangeException(nameof(signIn)),
            },
            $"ALTER ROLE {role} NOSUPERUSER NOCREATEDB NOCREATEROLE",
            $"GRANT CONNECT ON DATABASE \"{database}\" TO {role}",
            $"GRANT USAGE ON SCHEMA public TO {role}",
            $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
            // Tables the administrator creates later are readable too.
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {role}",
        ];
    }

    private static void Identifier(string name, string what)
    {
        if (!IdentifierPattern().IsMatch(name))
        {
            throw new ArgumentException($"the {what} name '{name}' is not a plain identifier (lower-case letters, digits and _, starting with a letter)");
        }
    }

    private static string Literal(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
