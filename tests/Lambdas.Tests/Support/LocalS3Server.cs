using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Pipelines.LocalServers;

namespace Lambdas.Tests.Support;

/// <summary>
/// An S3-compatible server (s3rver, from tests/servers) on 127.0.0.1 and a free port,
/// with one bucket; stopped and its data removed on dispose.
/// </summary>
public sealed class LocalS3Server : IDisposable
{
    public const string Bucket = "bronze";
    private readonly Process _process;
    private readonly string _directory;

    public LocalS3Server()
    {
        var script = Repository.PathOf("tests", "servers", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"'{script}' is missing: run `npm ci --ignore-scripts` in tests/servers (see .ci/run)");
        }
        Port = LocalProcess.FreePort();
        _directory = Directory.CreateTempSubdirectory("s3rver-").FullName;
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "-d", _directory, "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        LocalProcess.WaitForPort(Port, TimeSpan.FromSeconds(30), () => _process.HasExited ? $"exit code {_process.ExitCode}" : null, "s3rver");
    }

    public int Port { get; }

    public IAmazonS3 Client() => new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
    {
        ServiceURL = $"http://127.0.0.1:{Port}",
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        // s3rver predates the flexible-checksum trailers newer SDKs send by default.
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

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
