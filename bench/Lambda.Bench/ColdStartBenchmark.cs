using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Lambda.Events;
using RuntimeEmulator;

namespace Lambda.Bench;

/// <summary>
/// Cold start: from spawning the function's process to its first response, through the
/// Runtime API emulator. The Native AOT bootstrap against the same handler published
/// framework-dependent (JIT), in the same run.
/// </summary>
internal static class ColdStartBenchmark
{
    private const int Runs = 10;
    private const double TargetAotMilliseconds = 10;
    private const double TargetRatio = 10;

    public static async Task RunAsync(string root)
    {
        Run("bash", [Path.Combine(root, "lambdas", "package")], root);
        var work = Directory.CreateTempSubdirectory("coldstart-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(Path.Combine(root, "artifacts", "lambdas", "stream-consumer.zip"), Path.Combine(work, "aot"));
            Run("dotnet", ["publish", Path.Combine(root, "lambdas", "StreamConsumer", "StreamConsumer.csproj"), "-c", "Release", "-r", "linux-x64",
                "-p:PublishAot=false", "--self-contained", "false", "--nologo", "-v", "quiet", "-o", Path.Combine(work, "jit")], root);
            var store = Path.Combine(work, "store");
            var payload = JsonSerializer.SerializeToUtf8Bytes(Sessions.Batch(10), EventJsonContext.Default.KinesisEvent);

            await using var emulator = await LambdaRuntimeEmulator.StartAsync();
            var aot = await Median(emulator, Path.Combine(work, "aot", "bootstrap"), store, payload);
            var jit = await Median(emulator, Path.Combine(work, "jit", "bootstrap"), store, payload);
            Console.WriteLine($"cold start AOT, median of {Runs}: {aot,8:F1} ms   target <= {TargetAotMilliseconds} ms: {(aot <= TargetAotMilliseconds ? "met" : "MISSED")}");
            Console.WriteLine($"cold start JIT, median of {Runs}: {jit,8:F1} ms   ratio JIT/AOT {jit / aot:F1} (target >= {TargetRatio}): {(jit / aot >= TargetRatio ? "met" : "MISSED")}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The first run of each kind warms the emulator and the disk cache and is not counted.</summary>
    private static async Task<double> Median(LambdaRuntimeEmulator emulator, string executable, string store, byte[] payload)
    {
        var times = new List<double>();
        for (var i = 0; i < Runs + 1; i++)
        {
            var result = emulator.InvokeAsync(payload, TimeSpan.FromSeconds(30));
            var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["AWS_LAMBDA_RUNTIME_API"] = emulator.Endpoint;
            start.Environment["BRONZE_BUCKET"] = "bench";
            start.Environment["OBJECT_STORE_ROOT"] = store;
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var answer = await result.WaitAsync(TimeSpan.FromSeconds(30));
            var elapsed = watch.Elapsed.TotalMilliseconds;
            process.Kill();
            await process.WaitForExitAsync();
            // Let the emulator notice the closed connection of the killed process's next poll.
            await Task.Delay(100);
            if (!answer.Succeeded)
            {
                throw new InvalidOperationException(answer.Body);
            }
            if (i > 0)
            {
                times.Add(elapsed);
            }
        }
        return Measure.Median(times);
    }

    private static void Run(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}");
        }
    }
}
