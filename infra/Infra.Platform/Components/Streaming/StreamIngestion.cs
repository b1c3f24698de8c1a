using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Components.Logging;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Streaming;

/// <summary>Kinesis stream → stream consumer Lambda (Native AOT) → bronze, with an encrypted on-failure queue.</summary>
public static class StreamIngestion
{
    public const int DefaultBatchSize = 500;
    public const int DefaultBatchingWindowSeconds = 5;
    public const int DefaultMaximumRetryAttempts = 3;
    public const int DefaultMaximumRecordAgeSeconds = 3600;
    public const int DefaultMemorySizeMb = 512;
    public const int DefaultTimeoutSeconds = 60;
    public const string DefaultOutputPrefix = "sessions";
    public const string DefaultQuarantinePrefix = "quarantine/sessions";
    public const int FailureQueueRetentionSeconds = 14 * 24 * 3600;
    public const string Runtime = "provided.al2023";
    public const string Architecture = "x86_64";

    public static StreamIngestionResult Create(ComponentScope scope, StreamIngestionOptions options)
    {
        if (options.ReservedConcurrency is < 1)
        {
            throw new SynthesisException($"reserved concurrency must be at least 1, not {options.ReservedConcurrency}");
        }
        var functionName = $"{options.NamePrefix}-stream-consumer";

        var streamProperties = new MapValue
        {
            ["name"] = $"{options.NamePrefix}-sessions",
            ["retentionPeriod"] = options.RetentionHours,
            ["encryptionType"] = "KMS",
            ["kmsKeyId"] = options.KmsKeyArn,
            ["streamModeDetails"] = new MapValue { ["streamMode"] = options.ShardCount is null ? "ON_DEMAND" : "PROVISIONED" },
        };
        if (options.ShardCount is { } shards)
        {
            streamProperties["shardCount"] = shards;
        }
        var stream = scope.Add("sessions-stream", "aws:kinesis:Stream", streamProperties);

        var failures = scope.Add("stream-consumer-failures", "aws:sqs:Queue", new MapValue
        {
            ["name"] = $"{functionName}-failures",
            ["kmsMasterKeyId"] = options.KmsKeyArn,
            ["messageRetentionSeconds"] = FailureQueueRetentionSeconds,
        });
        scope.Add("stream-consumer-failures-policy", "aws:sqs:QueuePolicy", new MapValue
        {
            ["queueUrl"] = failures.Attr("url"),
            ["policy"] = new PolicyDocument([PolicyDocument.DenyInsecureTransport("sqs", failures.Attr("arn"))]).ToJson(),
        });

        var logs = scope.Add("stream-consumer-logs", "aws:cloudwatch:LogGroup", new MapValue
        {
            ["name"] = LambdaLogGroup.Name(functionName),
            ["retentionInDays"] = options.LogRetentionDays,
            ["kmsKeyId"] = options.KmsKeyArn,
        });

        var role = scope.Add("stream-consumer-role", "aws:iam:Role", new MapValue
        {
            ["name"] = functionName,
            ["assumeRolePolicy"] = new PolicyDocument(
            [
                new PolicyStatement
                {
                    Sid = "LambdaAssumesRole",
                    Effect = PolicyEffect.Allow,
                    Principal = new MapValue { ["Service"] = "lambda.amazonaws.com" },
                    Actions = ["sts:AssumeRole"],
                    Resources = [],
                },
            ]).ToJson(),
        });
        var bronzeArn = options.Bronze.Arn;
        var permissions = scope.Add("stream-consumer-permissions", "aws:iam:RolePolicy", new MapValue
        {
            ["role"] = role.Attr("id"),
            ["policy"] = new PolicyDocument(
            [
                Allow("ReadTheStream", ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:SubscribeToShard"], stream.Attr("arn")),
                Allow("WriteBronzeSessions", ["s3:PutObject"],
                    Fn.Interpolate($"{bronzeArn}/{options.OutputPrefix}/*"), Fn.Interpolate($"{bronzeArn}/{options.QuarantinePrefix}/*")),
                Allow("UseTheDataKey", ["kms:Decrypt", "kms:GenerateDataKey"], options.KmsKeyArn),
                Allow("SendFailedBatches", ["sqs:SendMessage"], failures.Attr("arn")),
                Allow("WriteLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], Fn.Interpolate($"{logs.Attr("arn")}:*")),
            ]).ToJson(),
        });

        var functionProperties = new MapValue
        {
            ["name"] = functionName,
            ["description"] = "Validates, enriches and routes web sessions from Kinesis into bronze",
            ["role"] = role.Attr("arn"),
            ["runtime"] = Runtime,
            ["handler"] = "bootstrap",
            ["architectures"] = new ListValue { Architecture },
            ["code"] = Fn.FileArchive(LambdaArtifacts.Path(LambdaArtifacts.StreamConsumer)),
            ["memorySize"] = options.MemorySizeMb,
            ["timeout"] = options.TimeoutSeconds,
            ["kmsKeyArn"] = options.KmsKeyArn,
            ["environment"] = new MapValue
            {
                ["variables"] = new MapValue
                {
                    ["BRONZE_BUCKET"] = options.Bronze.BucketName,
                    ["OUTPUT_PREFIX"] = options.OutputPrefix,
                    ["QUARANTINE_PREFIX"] = options.QuarantinePrefix,
                },
            },
            ["loggingConfig"] = new MapValue { ["logFormat"] = "JSON", ["logGroup"] = logs.Attr("name") },
        };
        if (options.ReservedConcurrency is { } reserved)
        {
            functionProperties["reservedConcurrentExecutions"] = reserved;
        }
        var function = scope.Add("stream-consumer", "aws:lambda:Function", functionProperties,
            new ResourceOptions { DependsOn = [permissions.Self, logs.Self] });

        scope.Add("stream-consumer-trigger", "aws:lambda:EventSourceMapping", new MapValue
        {
            ["eventSourceArn"] = stream.Attr("arn"),
            ["functionName"] = function.Attr("arn"),
            ["startingPosition"] = "TRIM_HORIZON",
            ["batchSize"] = options.BatchSize,
            ["maximumBatchingWindowInSeconds"] = options.BatchingWindowSeconds,
            ["bisectBatchOnFunctionError"] = true,
            ["functionResponseTypes"] = new ListValue { "ReportBatchItemFailures" },
            ["maximumRetryAttempts"] = options.MaximumRetryAttempts,
            ["maximumRecordAgeInSeconds"] = options.MaximumRecordAgeSeconds,
            ["destinationConfig"] = new MapValue
            {
                ["onFailure"] = new MapValue { ["destinationArn"] = failures.Attr("arn") },
            },
        }, new ResourceOptions { DependsOn = [permissions.Self] });

        return new StreamIngestionResult(stream.Attr("name"), stream.Attr("arn"), function.Attr("name"), function.Attr("arn"), failures.Attr("url"), failures.Attr("arn"));
    }

    private static PolicyStatement Allow(string sid, IReadOnlyList<string> actions, params Value[] resources) => new()
    {
        Sid = sid,
        Effect = PolicyEffect.Allow,
        Actions = actions,
        Resources = resources,
    };
}

public sealed record StreamIngestionResult(
    Reference StreamName,
    Reference StreamArn,
    Reference FunctionName,
    Reference FunctionArn,
    Reference FailureQueueUrl,
    Reference FailureQueueArn);
