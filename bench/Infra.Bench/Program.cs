using Infra.Bench;

return SynthBenchmark.Run(args);
