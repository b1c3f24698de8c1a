using Lambda.Bench;

var root = Paths.Root();
await BatchBenchmark.RunAsync();
if (!args.Contains("--batch-only"))
{
    await ColdStartBenchmark.RunAsync(root);
}
