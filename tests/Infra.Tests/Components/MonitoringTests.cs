using System.Text.Json;
using Infra.Platform.Components.Ingestion;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Declarations.Functions;

namespace Infra.Tests.Components;

/// <summary>The alarms, the topic they notify and the dashboard, as deployed (mocked).</summary>
public class MonitoringTests
{
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");

    private static IEnumerable<DeployedResource> Alarms(DeploymentResult stack) => stack.OfType("aws:cloudwatch:MetricAlarm");

    [Fact]
    public void The_topic_is_encrypted_with_the_stack_key_refuses_plain_http_and_takes_alarms_of_this_account_only()
    {
        var topic = Dev.Resource("notifications-topic");
        var policy = JsonDocument.Parse((string)Dev.Resource("notifications-topic-policy").Input("policy")!).RootElement.GetProperty("Statement").EnumerateArray().ToList();

        Assert.Equal(Dev.Outputs["kmsKeyArn"], topic.Input("kmsMasterKeyId"));
        Assert.Contains(policy, s => s.GetProperty("Effect").GetString() == "Deny" && s.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString() == "false");
        var alarms = policy.Single(s => s.GetProperty("Sid").GetString() == "CloudWatchAlarmsOfThisAccountPublish");
        Assert.Equal("cloudwatch.amazonaws.com", alarms.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(EchoMocks.AccountId, alarms.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        var key = JsonDocument.Parse((string)Dev.Resource("data-key").Input("policy")!).RootElement.GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Sid").GetString() == "CloudWatchAlarmsOfThisAccountPublishToTheEncryptedTopic");
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], key.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Every_alarm_notifies_the_topic_when_it_fires_and_when_it_clears()
    {
        var topic = Dev.Resource("notifications-topic").Outputs["arn"];

        Assert.NotEmpty(Alarms(Dev));
        Assert.All(Alarms(Dev), alarm =>
        {
            Assert.Equal(new List<object?> { topic }, alarm.Input("alarmActions"));
            Assert.Equal(new List<object?> { topic }, alarm.Input("okActions"));
        });
    }

    [Fact]
    public void Each_function_has_error_and_throttle_alarms_and_each_failure_queue_a_depth_alarm()
    {
        foreach (var function in new[] { "db-extract", "rest-ingestion", "silver-transform", "sessions-consumer" })
        {
            var errors = Dev.Resource($"{function}-errors-alarm");
            Assert.Equal("Errors", errors.Input("metricName"));
            Assert.Equal(Dev.Resource(function).Input("name"), errors.Input("dimensions.FunctionName"));
            Assert.Equal("Throttles", Dev.Resource($"{function}-throttles-alarm").Input("metricName"));
        }
        foreach (var queue in Dev.OfType("aws:sqs:Queue"))
        {
            var depth = Dev.Resource($"{queue.Name}-depth-alarm");
            Assert.Equal(queue.Input("name"), depth.Input("dimensions.QueueName"));
            Assert.Equal(1.0, Convert.ToDouble(depth.Input("threshold"), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Stream_lag_pipeline_failures_and_the_database_are_watched_with_the_configured_thresholds()
    {
        var lag = Dev.Resource("sessions-consumer-iterator-age-alarm");
        Assert.Equal("IteratorAge", lag.Input("metricName"));
        Assert.Equal(600_000.0, Convert.ToDouble(lag.Input("threshold"), System.Globalization.CultureInfo.InvariantCulture));

        var failed = Dev.Resource("course4-pipeline-failed-alarm");
        Assert.Equal("ExecutionsFailed", failed.Input("metricName"));
        Assert.Equal(Dev.Resource("course4-pipeline-state-machine").Outputs["arn"], failed.Input("dimensions.StateMachineArn"));

        Assert.Equal("CPUUtilization", Dev.Resource("database-cpu-alarm").Input("metricName"));
        Assert.Equal(Dev.Resource("database").Input("identifier"), Dev.Resource("database-cpu-alarm").Input("dimensions.DBInstanceIdentifier"));
        Assert.Equal(2.0 * 1024 * 1024 * 1024, Convert.ToDouble(Dev.Resource("database-free-storage-alarm").Input("threshold"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Each_silver_dataset_alarms_when_no_run_succeeded_for_the_freshness_window()
    {
        var datasets = StackContents.ForStack("course3").Silver.Select(d => d.Name).ToList();
        var course3 = Stacks.Deploy("course3");
        var freshness = Alarms(course3).Where(a => a.Name.EndsWith("-freshness-alarm", StringComparison.Ordinal)).ToList();

        Assert.Equal(datasets.Select(d => $"silver-{d}-freshness-alarm").Order(), freshness.Select(a => a.Name).Order());
        var orders = course3.Resource("silver-orders-freshness-alarm");
        Assert.Equal(SilverTransformContract.MetricNamespace, orders.Input("namespace"));
        Assert.Equal(SilverTransformContract.RowsOutMetric, orders.Input("metricName"));
        Assert.Equal("orders", orders.Input($"dimensions.{SilverTransformContract.DatasetDimension}"));
        Assert.Equal("breaching", orders.Input("treatMissingData"));
        Assert.Equal(26.0, Convert.ToDouble(orders.Input("evaluationPeriods"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3600.0, Convert.ToDouble(orders.Input("period"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_dashboard_shows_every_alarm()
    {
        var body = JsonDocument.Parse((string)Dev.Resource("dashboard").Input("dashboardBody")!).RootElement;
        var shown = body.GetProperty("widgets")[0].GetProperty("properties").GetProperty("alarms").EnumerateArray().Select(a => a.GetString()).ToHashSet();

        Assert.Equal(Alarms(Dev).Select(a => a.Outputs["arn"] as string).ToHashSet(), shown);
    }
}
