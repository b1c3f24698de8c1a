using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Lambda.Events;
using Pipelines.Declarations.Functions;
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
    private static int Rounds = 20;
    /// <summary>Targets are ratios within one run: absolute times drift by a third within an hour here.</summary>
    private const double TargetJitOverAot = 10;
    private const double TargetConsumerOverEcho = 1.5;

    /// <param name="TimeOnce">One cold start, in milliseconds.</param>
    private sealed record Candidate(string Name, Func<Task<double>> TimeOnce)
    {
        public List<double> Times { get; } = [];

        public double Median => Measure.Median(Times);
    }

    /// <param name="smoke">
    /// Two rounds, and the echo function built with JIT rather than Native AOT (its AOT publish alone takes a minute):
    /// the consumer/echo ratio then compares unlike builds, which smoke mode's numbers never claim to measure.
    /// </param>
    public static async Task RunAsync(string root, bool smoke)
    {
        if (smoke)
        {
            Rounds = 2;
        }
        Run("bash", [Path.Combine(root, "lambdas", "package")], root);
        var work = Directory.CreateTempSubdirectory("coldstart-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(Path.Combine(root, StreamConsumerContract.Function.ArtifactPath), Path.Combine(work, "aot"));
            Publish(root, Path.Combine("lambdas", StreamConsumerContract.Function.Project, StreamConsumerContract.Function.Project + ".csproj"), Path.Combine(work, "jit"), aot: false);
            Publish(root, Path.Combine("bench", "EchoFunction", "EchoFunction.csproj"), Path.Combine(work, "echo"), aot: !smoke);
            var payload = JsonSerializer.SerializeToUtf8Bytes(Sessions.Batch(10), KinesisJsonContext.Default.KinesisEvent);
            await using var emulator = await LambdaRuntimeEmulator.StartAsync();
            var consumer = new Dictionary<string, string> { [StreamConsumerContract.BucketVariable] = "bench", ["OBJECT_STORE_ROOT"] = Path.Combine(work, "store") };
            // The packaged archive holds `bootstrap`; a plain publish names the executable after its project.
            Candidate Function(string name, string folder, string executable, IReadOnlyDictionary<string, string> environment) =>
                new(name, () => ColdStart(emulator, name, Path.Combine(work, folder, executable), environment, payload));
            var aot = Function("consumer, Native AOT", "aot", FunctionContract.Handler, consumer);
            var noPrefault = Function("consumer, Native AOT, prefault off", "aot", FunctionContract.Handler, new Dictionary<string, string>(consumer) { ["BOOTSTRAP_PREFAULT"] = "0" });
            var jit = Function("consumer, JIT", "jit", StreamConsumerContract.Function.Project, consumer);
            var echo = Function(smoke ? "echo function, JIT (smoke)" : "echo function, Native AOT", "echo", FunctionContract.Handler, new Dictionary<string, string>());
            var spawn = new Candidate("process floor: `true` until it exits", () => SpawnAndExit("true"));
            Candidate[] candidates = [aot, noPrefault, jit, echo, spawn];

            // Round 0 warms the emulator and the disk cache and is not counted; the rounds
            // interleave the candidates so that a slower minute of the machine hits them all.
            for (var round = 0; round <= Rounds; round++)
            {
                foreach (var candidate in candidates)
                {
                    var elapsed = await candidate.TimeOnce();
                    if (round > 0)
                    {
                        candidate.Times.Add(elapsed);
                    }
                }
            }

            foreach (var candidate in candidates)
            {
                Console.WriteLine($"cold start {candidate.Name,-36} median of {Rounds}: {candidate.Median,7:F1} ms");
            }
            var consumerOverEcho = aot.Median / echo.Median;
            Console.WriteLine($"ratio consumer/echo {consumerOverEcho:F2} (target <= {TargetConsumerOverEcho}): {(consumerOverEcho <= TargetConsumerOverEcho ? "met" : "MISSED")}");
            Console.WriteLine($"ratio JIT/AOT {jit.Median / aot.Median:F1} (target >= {TargetJitOverAot}): {(jit.Median / aot.Median >= TargetJitOverAot ? "met" : "MISSED")}");
            Console.WriteLine($"ratio prefault off/on {noPrefault.Median / aot.Median:F2}");
            BenchRun.Ratio("Lambda.Bench cold start", smoke ? "consumer (AOT) / echo (JIT, smoke)" : "consumer / echo", consumerOverEcho, $"<= {TargetConsumerOverEcho}");
            BenchRun.Ratio("Lambda.Bench cold start", "consumer JIT / AOT", jit.Median / aot.Median, $">= {TargetJitOverAot}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<double> ColdStart(LambdaRuntimeEmulator emulator, string name, string executable,
        IReadOnlyDictionary<string, string> environment, byte[] payload)
    {
        var result = emulator.InvokeAsync(payload, TimeSpan.FromSeconds(30));
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = emulator.Endpoint;
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
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
            throw new InvalidOperationException($"{name}: {answer.Body}");
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
