using System.Diagnostics;
using System.Globalization;

namespace Pipelines.LocalServers;

/// <summary>
/// kinesalite, an in-memory Kinesis-compatible server from npm, on 127.0.0.1 and a free port,
/// through the launcher in the npm folder that holds it (its own CLI binds every interface). Stopped on dispose.
/// </summary>
public sealed class LocalKinesis : IDisposable
{
    public const string Launcher = "kinesalite-local.js";
    private readonly Process _process;

    private LocalKinesis(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <param name="npmFolder">The folder whose node_modules holds kinesalite and which holds the launcher.</param>
    public static LocalKinesis Start(string npmFolder)
    {
        var launcher = Path.Combine(npmFolder, Launcher);
        if (!Directory.Exists(Path.Combine(npmFolder, "node_modules", "kinesalite")) || !File.Exists(launcher))
        {
            throw new ServerMissingException($"kinesalite is not installed: run `npm ci --ignore-scripts` in {npmFolder} (the CI script does)");
        }
        var port = LocalProcess.FreePort();
        var process = Process.Start(LocalProcess.Start("node", [launcher, port.ToString(CultureInfo.InvariantCulture)], user: null))!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LocalKinesis(process, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        try
        {
            LocalProcess.WaitForPort(port, TimeSpan.FromSeconds(30), () => process.HasExited ? $"exit code {process.ExitCode}" : null, "kinesalite");
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
