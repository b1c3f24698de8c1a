using Amazon.Runtime.Credentials;
using Infra.Cli;
using Pipelines.Producer;
using Pipelines.Replay;

namespace Pipelines.Cli;

/// <summary>
/// <c>dataplatform replay</c>: re-drives the batches a stream function gave up on. Its on-failure queue
/// holds pointers (shard and sequence range); the records are read back from the stream while it still
/// holds them and the deployed function is invoked with them, as Lambda would. See docs/runbooks/replay.md.
/// </summary>
public static class ReplayCommand
{
    public static readonly Command Definition = new(new CommandUsage("replay", "dataplatform replay --queue-url URL --function NAME [--region R] [--max N]",
        "re-drive a stream function's failed batches from its on-failure queue (docs/runbooks/replay.md)"), Run);

    public static int Run(string[] args, IHost host)
    {
        string? queueUrl = null, function = null, region = host.GetEnvironmentVariable(Pipelines.Declarations.Functions.AwsVariables.Region);
        var max = 100;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--queue-url": queueUrl = CommandLine.OptionValue(args, ref i); break;
                case "--function": function = CommandLine.OptionValue(args, ref i); break;
                case "--region": region = CommandLine.OptionValue(args, ref i); break;
                case "--max": max = CommandLine.NumberValue<int>(args, ref i); break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        if (queueUrl is null || function is null)
        {
            throw new UsageError("--queue-url and --function are required: the stack outputs sessionsConsumerFailureQueueUrl and sessionsConsumerFunctionName");
        }
        if (region is null)
        {
            throw new UsageError("no region: pass --region or set AWS_REGION");
        }
        if (max < 1)
        {
            throw new UsageError($"--max must be at least 1, not {max}");
        }
        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        var credentials = resolver.ResolveIdentity(null!);
        using var http = new HttpClient();
        SignedAwsClient Client(string service) => new(http, new Uri($"https://{service}.{region}.amazonaws.com/"), service, region, credentials.GetCredentials);
        var replayer = new Replayer(new SqsFailureQueue(Client("sqs"), queueUrl), new KinesisShardReader(new KinesisReadClient(Client("kinesis"))), new LambdaInvokeTarget(Client("lambda"), function), region);
        var outcomes = replayer.RunAsync(max, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var outcome in outcomes)
        {
            host.Out.WriteLine(outcome.Replayed
                ? $"replayed {outcome.Records} record(s) of {outcome.ShardId} {outcome.Start}..{outcome.End}; message deleted"
                : $"kept {outcome.ShardId} {outcome.Start}..{outcome.End}: {outcome.KeptBecause}");
        }
        host.Out.WriteLine($"{outcomes.Count(o => o.Replayed)} batch(es) replayed, {outcomes.Count(o => !o.Replayed)} kept in the queue");
        return outcomes.All(o => o.Replayed) ? 0 : 1;
    }
}
