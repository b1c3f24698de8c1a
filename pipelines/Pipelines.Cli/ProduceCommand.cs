using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Infra.Cli;
using Pipelines.Generator;
using Pipelines.Producer;

namespace Pipelines.Cli;

/// <summary>
/// <c>dataplatform produce</c>: puts generated web sessions or order events on a deployed stream
/// (the stack's <c>sessionsStreamName</c> output), with the caller's AWS credentials.
/// </summary>
public static class ProduceCommand
{
    public static readonly Command Definition = new(new CommandUsage("produce",
        "dataplatform produce --stream NAME [--dataset web_sessions|order_events] [--region R] [--endpoint URL] [--seed N] [--scale X]",
        "put generated events on a deployed stream (PutRecords, failed records retried)"), Run);

    public static readonly IReadOnlyList<string> EventDatasets = ["web_sessions", "order_events"];

    public static int Run(string[] args, IHost host)
    {
        string? stream = null, region = host.GetEnvironmentVariable(Pipelines.Declarations.Functions.AwsVariables.Region), endpoint = null;
        var dataset = EventDatasets[0];
        var settings = new GeneratorSettings();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stream": stream = CommandLine.OptionValue(args, ref i); break;
                case "--dataset": dataset = CommandLine.OptionValue(args, ref i); break;
                case "--region": region = CommandLine.OptionValue(args, ref i); break;
                case "--endpoint": endpoint = CommandLine.OptionValue(args, ref i); break;
                case "--seed": settings = settings with { Seed = CommandLine.NumberValue<int>(args, ref i) }; break;
                case "--scale": settings = settings with { Scale = CommandLine.NumberValue<double>(args, ref i) }; break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        if (stream is null)
        {
            throw new UsageError("--stream is required: the stream's name, e.g. the stack output sessionsStreamName");
        }
        if (!EventDatasets.Contains(dataset))
        {
            throw new UsageError($"--dataset must be one of {string.Join(", ", EventDatasets)}, not '{dataset}'");
        }
        if (region is null)
        {
            throw new UsageError("no region: pass --region or set AWS_REGION");
        }
        var events = new CourseData(DataSettings.Valid(settings))[dataset];
        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        var credentials = resolver.ResolveIdentity(null!);
        using var http = new HttpClient();
        var client = new KinesisPutRecordsClient(http, endpoint is null ? KinesisPutRecordsClient.EndpointFor(region) : new Uri(endpoint), region, credentials.GetCredentials);
        var result = new StreamProducer(client).PutAllAsync(stream, GeneratedEvents.Records(events), CancellationToken.None).GetAwaiter().GetResult();
        host.Out.WriteLine($"{dataset} -> {stream}: {result.Put} put, {result.Failed} failed after retries, {result.Requests} requests, {result.Retries} retries");
        return result.Failed == 0 ? 0 : 1;
    }
}
