using Lambda.Bench;

var smoke = BenchRun.Smoke(ref args);
var root = Measure.RepositoryRoot();
await BatchBenchmark.RunAsync(smoke);
if (!args.Contains("--batch-only"))
{
    await ColdStartBenchmark.RunAsync(root, smoke);
}
