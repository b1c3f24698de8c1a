using System.Diagnostics;
using System.Text.Json;
using Infra.Model.Values;
using Infra.Model.Yaml;
using Infra.Platform.Configuration;
using Infra.Platform.Profiles;

namespace Infra.Bench;

/// <summary>
/// Measures synthesis of the largest stack in-process and the compiler command as a process.
/// Baselines measured in the same run: serializing the same program with System.Text.Json
/// (in-process) and starting the compiler's runtime for --help (process).
/// </summary>
public static class SynthBenchmark
{
    private const string Stack = "prod";
    private static int InProcessRuns = 200;
    private static int ProcessRuns = 10;
    private const double TargetMilliseconds = 50;

    public static int Run(string[] args)
    {
        if (BenchRun.Smoke(ref args))
        {
            (InProcessRuns, ProcessRuns) = (3, 2);
        }
        var root = Measure.RepositoryRoot();
        var config = new StackConfig(new Dictionary<string, string?>
        {
            [ConfigKeys.Region] = "eu-west-1",
            [ConfigKeys.Environment] = "prod",
            [ConfigKeys.Owner] = "bench",
            [ConfigKeys.AllowedAccountIds] = "111111111111",
        });
        var configJson = JsonSerializer.Serialize(config.Keys.ToDictionary(k => k, k => config.Get(k)));

        var first = Stopwatch.StartNew();
        var yaml = Synthesize(config);
        first.Stop();
        var synth = Median(InProcessRuns, () => Synthesize(config));
        var program = PlatformProgram.Build(StackSettings.Resolve(Stack, ConfigKeys.Project, "bench", config));
        var json = Median(InProcessRuns, () => JsonSerializer.Serialize(Plain(program.Resources.Select(r => (Value)r.Properties).ToList())));

        Console.WriteLine($"stack {Stack}: {program.Resources.Count} resources, {yaml.Length} bytes of YAML");
        Console.WriteLine($"in-process synth, first call (cold):  {first.Elapsed.TotalMilliseconds,8:F3} ms");
        Console.WriteLine($"in-process synth, median of {InProcessRuns}:     {synth,8:F3} ms   target < {TargetMilliseconds} ms: {(synth < TargetMilliseconds ? "met" : "MISSED")}");
        Console.WriteLine($"baseline System.Text.Json of inputs:  {json,8:F3} ms   ratio synth/baseline {synth / json:F2}");
        BenchRun.Ratio("Infra.Bench", "synth / System.Text.Json of the inputs", synth / json, "— (synth itself < 50 ms)");

        if (!args.Contains("--in-process-only"))
        {
            var compiler = Path.Combine(root, "infra", "dataplatform");
            RunProcess(compiler, root, [], null);
            var help = Median(ProcessRuns, () => RunProcess(compiler, root, ["--help"], null));
            var compile = Median(ProcessRuns, () => RunProcess(compiler, root, [], new()
            {
                ["PULUMI_STACK"] = Stack,
                ["PULUMI_PROJECT"] = ConfigKeys.Project,
                ["PULUMI_CONFIG"] = configJson,
            }));
            Console.WriteLine($"compiler process, median of {ProcessRuns}:      {compile,8:F1} ms");
            Console.WriteLine($"baseline same process with --help:    {help,8:F1} ms   ratio compile/baseline {compile / help:F2}");
            BenchRun.Ratio("Infra.Bench", "compiler process / --help", compile / help, "—");
        }
        return 0;
    }

    private static string Synthesize(StackConfig config) =>
        ProgramWriter.Write(PlatformProgram.Build(StackSettings.Resolve(Stack, ConfigKeys.Project, "bench", config)));

    private static object? Plain(Value value) => value switch
    {
        MapValue map => map.ToDictionary(e => e.Key, e => Plain(e.Value)),
        ListValue list => list.Select(Plain).ToList(),
        Text text => text.Content,
        Integer number => number.Content,
        Bool flag => flag.Content,
        _ => value.ToString(),
    };

    private static object? Plain(List<Value> values) => values.Select(Plain).ToList();

    private static double Median(int runs, Func<object> action)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        return Measure.Median(times);
    }

    private static object RunProcess(string file, string directory, string[] arguments, Dictionary<string, string>? variables)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in variables ?? [])
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited {process.ExitCode}");
        }
        return output;
    }

}
