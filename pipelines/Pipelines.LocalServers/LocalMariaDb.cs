using System.Diagnostics;
using System.Globalization;

namespace Pipelines.LocalServers;

/// <summary>
/// MariaDB from the OS packages on 127.0.0.1 and a free port, its data in a temporary folder; root
/// has a password (set at start) and TCP is the only way in. Stopped and removed on dispose, or when the process exits.
/// </summary>
public sealed class LocalMariaDb : IDisposable
{
    public const string Package = "mariadb-server";
    public const string User = "root";
    private readonly string _folder;
    private readonly Process _process;
    private int _stopped;

    private LocalMariaDb(string folder, Process process, int port, string password)
    {
        _folder = folder;
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }
    public string Password { get; }

    public string ConnectionString(string? database = null) =>
        $"Server=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};User ID={User};Password={Password};SslMode=None;AllowPublicKeyRetrieval=false"
        + (database is null ? "" : $";Database={database}");

    public static LocalMariaDb Start()
    {
        var server = LocalProcess.Find(Package, "/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/bin/mariadbd");
        var install = LocalProcess.Find(Package, "/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");
        var folder = Directory.CreateTempSubdirectory("mariadb-").FullName;
        var data = Path.Combine(folder, "data");
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var init = Path.Combine(folder, "init.sql");
        // Runs once at start with full rights: give root a password, drop any account without one.
        File.WriteAllText(init, $"""
            ALTER USER 'root'@'localhost' IDENTIFIED BY '{password}';
            CREATE OR REPLACE USER 'root'@'127.0.0.1' IDENTIFIED BY '{password}';
            GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
            DELETE FROM mysql.global_priv WHERE User = 'root' AND Host NOT IN ('localhost', '127.0.0.1');
            FLUSH PRIVILEGES;
            """);
        var user = LocalProcess.IsRoot ? new[] { "--user=root" } : [];
        LocalProcess.Run(install, ["--no-defaults", $"--datadir={data}", "--auth-root-authentication-method=normal", "--skip-test-db", .. user]);
        var port = LocalProcess.FreePort();
        var process = Process.Start(LocalProcess.Start(server, ["--no-defaults", $"--datadir={data}", $"--port={port}", "--bind-address=127.0.0.1",
            $"--socket={Path.Combine(folder, "mysqld.sock")}", $"--pid-file={Path.Combine(folder, "mysqld.pid")}", $"--init-file={init}",
            "--skip-name-resolve", "--innodb-flush-log-at-trx-commit=0", "--innodb-buffer-pool-size=128M", "--skip-log-bin", .. user], user: null))!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var local = new LocalMariaDb(folder, process, port, password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => local.Dispose();
        try
        {
            LocalProcess.WaitForPort(port, TimeSpan.FromSeconds(60), () => process.HasExited ? $"exit code {process.ExitCode}" : null, "MariaDB");
            return local;
        }
        catch
        {
            local.Dispose();
            throw;
        }
    }

    public void CreateDatabase(string name) => Client(null, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4");

    /// <summary>Runs a SQL file with the mariadb client, stopping at the first error: the way a person would load the script.</summary>
    public void RunScript(string database, string path) => Client(database, $"source {path}");

    private void Client(string? database, string statement) =>
        LocalProcess.Run(LocalProcess.Find(Package, "/usr/bin/mariadb", "/usr/bin/mysql"),
            ["--no-defaults", "-h", "127.0.0.1", "-P", Port.ToString(CultureInfo.InvariantCulture), "-u", User, .. database is null ? Array.Empty<string>() : [database], "-e", statement],
            timeout: TimeSpan.FromMinutes(10), environment: new Dictionary<string, string> { ["MYSQL_PWD"] = Password });

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(30_000);
            }
            _process.Dispose();
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
