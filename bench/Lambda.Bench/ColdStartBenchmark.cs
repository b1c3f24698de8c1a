using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Lambda.Events;
using RuntimeEmulator;

namespace Lambda.Bench;

/// <summary>
/// Cold start: from spawning a function's process to its first response, through the Runtime
/// API emulator. The consumer's Native AOT bootstrap against, in the same run: itself with the
/// start-up prefault off, the same handler published framework-dependent (JIT), the echo
/// function (the least a function on our host costs on this machine), and spawning `true`.
/// </summary>
internal static class ColdStartBenchmark
{
    private const int Rounds = 20;
    private const double TargetAotMilliseconds = 10;
    private const double TargetRatio = 10;

    private sealed record Candidate(string Name, string Executable, IReadOnlyDictionary<string, string> Environment)
    {
        public List<double> Times { get; } = [];

        public double Median => Measure.Median(Times);
    }

    public static async Task RunAsync(string root)
    {
        Run("bash", [Path.Combine(root, "lambdas", "package")], root);
        var work = Directory.CreateTempSubdirectory("coldstart-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(Path.Combine(root, "artifacts", "lambdas", "stream-consumer.zip"), Path.Combine(work, "aot"));
            Publish(root, Path.Combine("lambdas", "StreamConsumer", "StreamConsumer.csproj"), Path.Combine(work, "jit"), aot: false);
            Publish(root, Path.Combine("bench", "EchoFunction", "EchoFunction.csproj"), Path.Combine(work, "echo"), aot: true);
            var consumer = new Dictionary<string, string> { ["BRONZE_BUCKET"] = "bench", ["OBJECT_STORE_ROOT"] = Path.Combine(work, "store") };
            var aot = new Candidate("consumer, Native AOT", Path.Combine(work, "aot", "bootstrap"), consumer);
            var noPrefault = new Candidate("consumer, Native AOT, prefault off", aot.Executable, new Dictionary<string, string>(consumer) { ["BOOTSTRAP_PREFAULT"] = "0" });
            var jit = new Candidate("consumer, JIT", Path.Combine(work, "jit", "bootstrap"), consumer);
            var echo = new Candidate("echo function, Native AOT", Path.Combine(work, "echo", "bootstrap"), new Dictionary<string, string>());
            Candidate[] candidates = [aot, noPrefault, jit, echo];
            var spawnOnly = new List<double>();

            var payload = JsonSerializer.SerializeToUtf8Bytes(Sessions.Batch(10), KinesisJsonContext.Default.KinesisEvent);
            await using var emulator = await LambdaRuntimeEmulator.StartAsync();
            // Round 0 warms the emulator and the disk cache and is not counted; the rounds
            // interleave the candidates so that a slower minute of the machine hits them all.
            for (var round = 0; round <= Rounds; round++)
            {
                foreach (var candidate in candidates)
                {
                    var elapsed = await ColdStart(emulator, candidate, payload);
                    if (round > 0)
                    {
                        candidate.Times.Add(elapsed);
                    }
                }
                var spawn = await SpawnAndExit("true");
                if (round > 0)
                {
                    spawnOnly.Add(spawn);
                }
            }

            foreach (var candidate in candidates)
            {
                Console.WriteLine($"cold start {candidate.Name,-36} median of {Rounds}: {candidate.Median,7:F1} ms");
            }
            Console.WriteLine($"spawn of `true` until it exits (process floor), median of {Rounds}: {Measure.Median(spawnOnly),5:F1} ms");
            Console.WriteLine($"AOT target <= {TargetAotMilliseconds} ms: {(aot.Median <= TargetAotMilliseconds ? "met" : "MISSED")}; " +
                $"the echo function's floor on this machine is {echo.Median:F1} ms");
            Console.WriteLine($"ratio JIT/AOT {jit.Median / aot.Median:F1} (target >= {TargetRatio}): {(jit.Median / aot.Median >= TargetRatio ? "met" : "MISSED")}");
            Console.WriteLine($"ratio prefault off/on {noPrefault.Median / aot.Median:F2}; ratio consumer/echo {aot.Median / echo.Median:F2}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<double> ColdStart(LambdaRuntimeEmulator emulator, Candidate candidate, byte[] payload)
    {
        var result = emulator.InvokeAsync(payload, TimeSpan.FromSeconds(30));
        var start = new ProcessStartInfo(candidate.Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = emulator.Endpoint;
        foreach (var (name, value) in candidate.Environment)
        {
            start.Environment[name] = value;
        }
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
            throw new InvalidOperationException($"{candidate.Name}: {answer.Body}");
        }
        return elapsed;
    }

    private static async Task<double> SpawnAndExit(string program)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(program) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Publish(string root, string project, string output, bool aot) =>
        Run("dotnet", ["publish", Path.Combine(root, project), "-c", "Release", "-r", "linux-x64", $"-p:PublishAot={(aot ? "true" : "false")}",
            "--self-contained", aot ? "true" : "false", "--nologo", "-v", "quiet", "-o", output], root);

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
