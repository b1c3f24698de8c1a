using System.Diagnostics;
using System.Globalization;

namespace Pipelines.LocalServers;

/// <summary>
/// An S3-compatible server (s3rver, installed by npm under tests/servers) on 127.0.0.1 and a free port, with
/// the buckets asked for; stopped and its data removed on dispose.
/// </summary>
public sealed class LocalS3 : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private LocalS3(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public static LocalS3 Start(string npmFolder, params string[] buckets)
    {
        var script = Path.Combine(npmFolder, "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"'{script}' is missing: run `npm ci --ignore-scripts` in {npmFolder} (s3rver, the S3-compatible server)");
        }
        var port = LocalProcess.FreePort();
        var directory = Directory.CreateTempSubdirectory("s3rver-").FullName;
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "-d", directory, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent" }
            .Concat(buckets.SelectMany(bucket => new[] { "--configure-bucket", bucket })))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        LocalProcess.WaitForPort(port, TimeSpan.FromSeconds(30), () => process.HasExited ? $"exit code {process.ExitCode}" : null, "s3rver");
        return new LocalS3(process, directory, port);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
