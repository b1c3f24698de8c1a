using Lambda.Bench;

var root = Measure.RepositoryRoot();
await BatchBenchmark.RunAsync();
if (!args.Contains("--batch-only"))
{
    await ColdStartBenchmark.RunAsync(root);
}
