using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Storage;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Cloudwatch;
using Infra.Providers.Aws.Iam;
using Infra.Providers.Aws.Kinesis;
using Infra.Providers.Aws.Kinesis.Inputs;

namespace Infra.Platform.Components.Streaming;

/// <summary>
/// Firehose from a Kinesis stream to a bucket prefix partitioned by arrival hour, gzip, encrypted with the
/// stack key, with an error prefix for what cannot be delivered or transformed; optionally through a
/// transformation function. Its role reads that stream, writes those two prefixes and invokes that function.
/// </summary>
public static class FirehoseDelivery
{
    public const int BufferingSeconds = 300;
    public const int BufferingMb = 64;

    /// <summary>Firehose's timestamp namespace for the hour an object's records arrived.</summary>
    public const string HourPartitions = "year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/";

    public static void Create(PlatformContext context, ComponentScope scope, string name, KinesisStreamResult stream, BucketResult bucket,
        string prefix, string errorPrefix, FunctionResult? transform, int logRetentionDays)
    {
        var key = context.RequireKey();
        var logs = scope.Add($"{name}-delivery-logs", new LogGroupArgs
        {
            Name = LogGroupName(context, name),
            RetentionInDays = logRetentionDays,
            KmsKeyId = key.KeyArn,
        }, context.DataOptions());
        var role = scope.Add($"{name}-delivery-role", new RoleArgs
        {
            Name = context.AccountWideName($"{name}-delivery"),
            AssumeRolePolicy = new PolicyDocument([ServiceTrust.OfThisAccount(context, "firehose")]).ToJson(),
        });
        string[] listActions = ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"];
        string[] invokeActions = ["lambda:InvokeFunction", "lambda:GetFunctionConfiguration"];
        Access.Permission[] granted =
        [
            stream.Consuming(),
            bucket.Writing(prefix, errorPrefix),
            new([PolicyStatement.Allow("ListTheBucket", listActions, bucket.Arn)], [.. listActions.Select(action => new Access.ApiCall(action, bucket.Arn))], []),
            new([PolicyStatement.Allow("CompleteUploads", ["s3:AbortMultipartUpload"], Fn.Interpolate($"{bucket.Arn}/{prefix}/*"), Fn.Interpolate($"{bucket.Arn}/{errorPrefix}/*"))],
                [new Access.ApiCall("s3:AbortMultipartUpload", Fn.Interpolate($"{bucket.Arn}/{prefix}/part"))], ["s3"]),
            new([PolicyStatement.Allow("WriteItsLogs", ["logs:PutLogEvents"], Fn.Interpolate($"{logs.Attr("arn")}:*"))],
                [new Access.ApiCall("logs:PutLogEvents", Fn.Interpolate($"{logs.Attr("arn")}:log-stream:delivery"))], []),
            .. transform is null ? [] : new Access.Permission[]
            {
                new([PolicyStatement.Allow("InvokeTheTransformation", invokeActions, transform.Arn)], [.. invokeActions.Select(action => new Access.ApiCall(action, transform.Arn))], []),
            },
        ];
        var grants = key.Granting(granted);
        Access.ServiceActors.LogsEncrypt(context, LogGroupName(context, name));
        context.Actors.Add(new Access.Actor($"{name} delivery", new Access.RolePrincipal(role.Name), [.. granted.SelectMany(p => p.Calls)]));
        var permissions = scope.Add($"{name}-delivery-permissions", new RolePolicyArgs { Role = role.Attr("id"), Policy = new PolicyDocument(grants).ToJson() });
        scope.Add($"{name}-delivery", new FirehoseDeliveryStreamArgs
        {
            Name = context.Name(name),
            Destination = "extended_s3",
            KinesisSourceConfiguration = new FirehoseDeliveryStreamKinesisSourceConfigurationArgs { KinesisStreamArn = stream.Arn, RoleArn = role.Attr("arn") },
            ExtendedS3Configuration = new FirehoseDeliveryStreamExtendedS3ConfigurationArgs
            {
                BucketArn = bucket.Arn,
                RoleArn = role.Attr("arn"),
                Prefix = $"{prefix}/{HourPartitions}",
                ErrorOutputPrefix = $"{errorPrefix}/!{{firehose:error-output-type}}/{HourPartitions}",
                BufferingInterval = BufferingSeconds,
                BufferingSize = BufferingMb,
                CompressionFormat = "GZIP",
                KmsKeyArn = key.KeyArn,
                CloudwatchLoggingOptions = new FirehoseDeliveryStreamExtendedS3ConfigurationCloudwatchLoggingOptionsArgs
                {
                    Enabled = true,
                    LogGroupName = logs.Attr("name"),
                    LogStreamName = "delivery",
                },
                ProcessingConfiguration = transform is null ? null : new FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationArgs
                {
                    Enabled = true,
                    Processors =
                    [
                        new FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationProcessorArgs
                        {
                            Type = "Lambda",
                            Parameters =
                            [
                                new FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationProcessorParameterArgs { ParameterName = "LambdaArn", ParameterValue = transform.Arn },
                            ],
                        },
                    ],
                },
            },
        }, new ResourceOptions { DependsOn = [permissions.Self] });
    }

    public static string LogGroupName(PlatformContext context, string name) => $"{LogGroupPrefix}{context.Name(name)}";

    /// <summary>Firehose's conventional log group prefix; encrypted with the key, so the key policy names it.</summary>
    public const string LogGroupPrefix = "/aws/kinesisfirehose/";
}
