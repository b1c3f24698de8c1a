using Infra.Model.Inputs;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Components.Messaging;
using Infra.Providers.Aws.Cloudwatch;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Monitoring;

/// <summary>
/// The stack's alarms, each notifying the encrypted topic when it fires and when it clears: function
/// errors and throttles, stream consumers' iterator age, anything in a failure queue, silver freshness per
/// dataset, failed pipeline executions, the source database's CPU and free storage; and one dashboard.
/// </summary>
public static class StackMonitoring
{
    public const int PeriodSeconds = 300;

    public static void Create(PlatformContext context, MonitoringSettings settings, MonitoredResources watched, TopicResult topic)
    {
        // Alarms notify the topic as CloudWatch, for this account; the topic is encrypted with the stack key.
        context.Actors.Add(new Access.Actor("CloudWatch alarms", new Access.ServicePrincipal(context.Partition.ServicePrincipal("cloudwatch")), [new Access.ApiCall("sns:Publish", topic.Arn)]));
        var scope = context.Scope(nameof(StackMonitoring));
        var alarms = new List<Value>();
        void Alarm(string name, string description, string metricNamespace, string metric, IReadOnlyList<(string Key, Value Value)> dimensions, string statistic,
            string comparison, double threshold, int periodSeconds = PeriodSeconds, int evaluationPeriods = 1, string missingData = "notBreaching")
        {
            var dimensionMap = new InputMap<string>();
            foreach (var (key, value) in dimensions)
            {
                dimensionMap.Add(key, value!);
            }
            var alarm = scope.Add($"{name}-alarm", new MetricAlarmArgs
            {
                Name = context.Name(name),
                AlarmDescription = description,
                Namespace = metricNamespace,
                MetricName = metric,
                Dimensions = dimensionMap,
                Statistic = statistic,
                ComparisonOperator = comparison,
                Threshold = threshold,
                Period = periodSeconds,
                EvaluationPeriods = evaluationPeriods,
                DatapointsToAlarm = evaluationPeriods,
                TreatMissingData = missingData,
                AlarmActions = [topic.Arn],
                OkActions = [topic.Arn],
            });
            alarms.Add(alarm.Attr("arn"));
        }

        foreach (var function in watched.Functions)
        {
            (string, Value)[] dimensions = [("FunctionName", function.PhysicalName)];
            Alarm($"{function.LogicalName}-errors", $"{function.PhysicalName} failed at least once in 5 minutes", "AWS/Lambda", "Errors", dimensions, "Sum", "GreaterThanOrEqualToThreshold", 1);
            Alarm($"{function.LogicalName}-throttles", $"{function.PhysicalName} was throttled in 5 minutes", "AWS/Lambda", "Throttles", dimensions, "Sum", "GreaterThanOrEqualToThreshold", 1);
        }
        foreach (var consumer in watched.StreamConsumers)
        {
            Alarm($"{consumer.LogicalName}-iterator-age", $"{consumer.PhysicalName} is more than {settings.IteratorAgeSeconds} s behind its stream",
                "AWS/Lambda", "IteratorAge", [("FunctionName", consumer.PhysicalName)], "Maximum", "GreaterThanThreshold", settings.IteratorAgeSeconds * 1000.0);
        }
        foreach (var queue in watched.FailureQueues)
        {
            Alarm($"{queue.LogicalName}-depth", $"{queue.PhysicalName} holds failures to look at", "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                [("QueueName", queue.PhysicalName)], "Maximum", "GreaterThanOrEqualToThreshold", 1);
        }
        if (watched.SilverFunction is { } silver)
        {
            foreach (var dataset in watched.SilverDatasets)
            {
                // Every run emits RowsOut, so hours without a sample are hours without a successful run.
                Alarm($"silver-{dataset}-freshness", $"silver {dataset} has had no successful run for {settings.FreshnessHours} hours",
                    SilverTransformContract.MetricNamespace, SilverTransformContract.RowsOutMetric,
                    [(SilverTransformContract.FunctionNameDimension, silver.PhysicalName), (SilverTransformContract.DatasetDimension, dataset)],
                    "SampleCount", "LessThanThreshold", 1, periodSeconds: 3600, evaluationPeriods: settings.FreshnessHours, missingData: "breaching");
            }
        }
        foreach (var machine in watched.StateMachines)
        {
            Alarm($"{machine.Course}-pipeline-failed", $"the {machine.Course} pipeline failed", "AWS/States", "ExecutionsFailed",
                [("StateMachineArn", machine.Arn)], "Sum", "GreaterThanOrEqualToThreshold", 1);
        }
        if (watched.Database is { } database)
        {
            (string, Value)[] dimensions = [("DBInstanceIdentifier", database.Identifier)];
            Alarm("database-cpu", $"the source database's CPU is above {settings.DatabaseCpuPercent} % for 15 minutes", "AWS/RDS", "CPUUtilization", dimensions,
                "Average", "GreaterThanThreshold", settings.DatabaseCpuPercent, evaluationPeriods: 3);
            Alarm("database-free-storage", $"the source database has less than {settings.DatabaseFreeStorageGib} GiB free", "AWS/RDS", "FreeStorageSpace", dimensions,
                "Minimum", "LessThanThreshold", settings.DatabaseFreeStorageGib * 1024.0 * 1024 * 1024);
        }
        scope.Add("dashboard", new DashboardArgs
        {
            DashboardName = context.Name("overview"),
            DashboardBody = Fn.ToJson(new MapValue { ["widgets"] = Dashboard(context, watched, alarms) }),
        });
    }

    /// <summary>Alarm states on top; below them the functions' errors, silver's rows and the pipelines' executions.</summary>
    private static ListValue Dashboard(PlatformContext context, MonitoredResources watched, IReadOnlyList<Value> alarms)
    {
        MapValue Widget(int y, string title, ListValue metrics, string stat) => new()
        {
            ["type"] = "metric",
            ["x"] = 0, ["y"] = y, ["width"] = 24, ["height"] = 6,
            ["properties"] = new MapValue { ["title"] = title, ["region"] = context.Region, ["stat"] = stat, ["period"] = PeriodSeconds, ["metrics"] = metrics },
        };
        var widgets = new ListValue
        {
            new MapValue
            {
                ["type"] = "alarm",
                ["x"] = 0, ["y"] = 0, ["width"] = 24, ["height"] = 6,
                ["properties"] = new MapValue { ["title"] = $"{context.NamePrefix} alarms", ["alarms"] = new ListValue(alarms) },
            },
            Widget(6, "Function errors", new ListValue(watched.Functions.Select(f => (Value)new ListValue { "AWS/Lambda", "Errors", "FunctionName", f.PhysicalName })), "Sum"),
            Widget(12, "Pipeline executions", new ListValue(watched.StateMachines.SelectMany(m => new Value[]
            {
                new ListValue { "AWS/States", "ExecutionsSucceeded", "StateMachineArn", m.Arn },
                new ListValue { "AWS/States", "ExecutionsFailed", "StateMachineArn", m.Arn },
            })), "Sum"),
        };
        if (watched.SilverFunction is { } silver)
        {
            widgets.Add(Widget(18, "Silver rows written", new ListValue(watched.SilverDatasets.Select(d => (Value)new ListValue
            {
                SilverTransformContract.MetricNamespace, SilverTransformContract.RowsOutMetric,
                SilverTransformContract.FunctionNameDimension, silver.PhysicalName, SilverTransformContract.DatasetDimension, d,
            })), "Sum"));
        }
        return widgets;
    }
}
