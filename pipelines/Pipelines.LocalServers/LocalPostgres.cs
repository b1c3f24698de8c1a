using System.Globalization;

namespace Pipelines.LocalServers;

/// <summary>
/// PostgreSQL from the OS packages on 127.0.0.1 and a free port, its cluster in a temporary folder,
/// password authentication over TCP. As root it runs as the unprivileged user the package creates
/// (PostgreSQL refuses root). Stopped and removed on dispose, or when the process exits.
/// </summary>
public sealed class LocalPostgres : IDisposable
{
    public const string Package = "postgresql";
    public const string User = "postgres";
    private const string SystemUser = "postgres";
    private readonly string _folder;
    private readonly string _bin;
    private int _stopped;

    private LocalPostgres(string folder, string bin, int port, string password)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
        Password = password;
    }

    public int Port { get; }
    public string Password { get; }
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={User};Password={Password};Database={database};SSL Mode=Disable";

    public static LocalPostgres Start()
    {
        var bin = FindBin();
        var folder = Directory.CreateTempSubdirectory("postgres-").FullName;
        var data = Path.Combine(folder, "data");
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var passwordFile = Path.Combine(folder, "password");
        File.WriteAllText(passwordFile, password);
        if (LocalProcess.IsRoot)
        {
            LocalProcess.Run("chown", ["-R", SystemUser, folder]);
        }
        var server = new LocalPostgres(folder, bin, LocalProcess.FreePort(), password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        try
        {
            LocalProcess.Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", User, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "--no-sync", "-E", "UTF8", "--locale=C"], SystemUser);
            LocalProcess.Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-c listen_addresses=127.0.0.1 -p {server.Port} -k {folder} -c fsync=off -c full_page_writes=off -c synchronous_commit=off"], SystemUser);
            LocalProcess.WaitForPort(server.Port, TimeSpan.FromSeconds(30), () => null, "PostgreSQL");
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void CreateDatabase(string name) => Psql("postgres", ["-c", $"CREATE DATABASE \"{name}\""]);

    /// <summary>Runs a SQL file with psql, stopping at the first error: the way a person would load the script.</summary>
    public void RunScript(string database, string path) => Psql(database, ["-q", "-f", path]);

    private void Psql(string database, string[] arguments) =>
        LocalProcess.Run(LocalProcess.Find("postgresql-client", Path.Combine(_bin, "psql"), "/usr/bin/psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, "-d", database, "-v", "ON_ERROR_STOP=1", .. arguments],
            timeout: TimeSpan.FromMinutes(10), environment: new Dictionary<string, string> { ["PGPASSWORD"] = Password });

    private static string FindBin()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().Reverse() : [];
        var postgres = versions.Select(version => Path.Combine(version, "bin", "postgres")).ToArray();
        return Path.GetDirectoryName(LocalProcess.Find(Package, [.. postgres, "/usr/lib/postgresql/15/bin/postgres"]))!;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        try
        {
            var data = Path.Combine(_folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                LocalProcess.Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], SystemUser, TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
