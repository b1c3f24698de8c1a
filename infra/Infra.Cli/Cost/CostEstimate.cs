using System.Globalization;
using System.Text;
using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Cli.Cost;

/// <summary>One line of the estimate: what costs, how it is charged, and what it costs a month when idle.</summary>
public sealed record CostLine(string Resource, string Type, string Charged, double IdleMonthly);

/// <summary>
/// What a synthesized stack costs: the resources billed by the hour whether used or not (the idle total a
/// learner pays for leaving a course stack up), and those billed only by use, with the unit prices assumed.
/// </summary>
public static class CostEstimate
{
    public static IReadOnlyList<CostLine> Lines(PulumiProgram program)
    {
        var lines = new List<CostLine>();
        foreach (var resource in program.Resources)
        {
            lines.AddRange(Price(resource));
        }
        return lines;
    }

    private static IEnumerable<CostLine> Price(Resource r)
    {
        switch (r.Type)
        {
            case "aws:rds:Instance":
                var instance = Text(r, "instanceClass") ?? "?";
                var multiAz = IsTrue(r, "multiAz");
                var hour = UnitPrices.DatabaseHour.TryGetValue(instance, out var price) ? price : throw new InvalidOperationException($"no assumed price for {instance}: add it to UnitPrices");
                var storage = Input(r, "allocatedStorage") is Integer size ? size.Content : 20;
                yield return new CostLine(r.Name, r.Type, $"{instance}{(multiAz ? " multi-AZ" : "")} ${hour:0.000}/h + {storage} GB at ${UnitPrices.DatabaseStorageGbMonth}/GB-month",
                    hour * (multiAz ? 2 : 1) * UnitPrices.HoursPerMonth + storage * UnitPrices.DatabaseStorageGbMonth);
                break;
            case "aws:ec2:VpcEndpoint" when Text(r, "vpcEndpointType") == "Interface":
                var zones = Input(r, "subnetIds") is ListValue list ? list.Items.Count : 1;
                yield return new CostLine(r.Name, r.Type, $"interface endpoint in {zones} AZ at ${UnitPrices.InterfaceEndpointHourPerAz}/h each + data", zones * UnitPrices.InterfaceEndpointHourPerAz * UnitPrices.HoursPerMonth);
                break;
            case "aws:kinesis:Stream":
                var shards = Input(r, "shardCount") is Integer count ? count.Content : 0;
                yield return shards > 0
                    ? new CostLine(r.Name, r.Type, $"{shards} provisioned shard(s) at ${UnitPrices.KinesisShardHour}/shard-hour + PUT units", shards * UnitPrices.KinesisShardHour * UnitPrices.HoursPerMonth)
                    : new CostLine(r.Name, r.Type, $"on-demand stream at ${UnitPrices.KinesisOnDemandStreamHour}/h + ${UnitPrices.KinesisOnDemandPerGbIn}/GB in", UnitPrices.KinesisOnDemandStreamHour * UnitPrices.HoursPerMonth);
                break;
            case "aws:kms:Key":
                yield return new CostLine(r.Name, r.Type, $"${UnitPrices.KmsKeyMonth}/month + requests", UnitPrices.KmsKeyMonth);
                break;
            case "aws:cloudwatch:MetricAlarm":
                yield return new CostLine(r.Name, r.Type, $"${UnitPrices.AlarmMonth}/alarm-month", UnitPrices.AlarmMonth);
                break;
            case "aws:cloudwatch:Dashboard":
                yield return new CostLine(r.Name, r.Type, $"${UnitPrices.DashboardMonth}/month (3 free per account)", UnitPrices.DashboardMonth);
                break;
            case "aws:s3:Bucket" or "aws:s3tables:TableBucket":
                yield return new CostLine(r.Name, r.Type, $"by use: ${UnitPrices.S3StandardGbMonth}/GB-month + requests", 0);
                break;
            case "aws:lambda:Function":
                yield return new CostLine(r.Name, r.Type, $"by use: ${UnitPrices.LambdaPerMillionRequests}/million requests + ${UnitPrices.LambdaGbSecond:0.0000000}/GB-s", 0);
                break;
            case "aws:sfn:StateMachine":
                yield return new CostLine(r.Name, r.Type, $"by use: ${UnitPrices.StepFunctionsPerThousandTransitions}/1,000 transitions", 0);
                break;
            case "aws:athena:Workgroup":
                yield return new CostLine(r.Name, r.Type, $"by use: ${UnitPrices.AthenaTbScanned}/TB scanned", 0);
                break;
            case "aws:kinesis:FirehoseDeliveryStream":
                yield return new CostLine(r.Name, r.Type, $"by use: ${UnitPrices.FirehosePerGbIngested}/GB ingested", 0);
                break;
            case "aws:glue:Crawler":
                yield return new CostLine(r.Name, r.Type, $"by use: ${UnitPrices.GlueCrawlerDpuHour}/DPU-hour while crawling", 0);
                break;
        }
    }

    public static string Print(string stack, IReadOnlyList<CostLine> lines)
    {
        var text = new StringBuilder();
        text.AppendLine($"Cost of stack {stack} — assumed on-demand list prices, {UnitPrices.Region}, {UnitPrices.AsOf} (infra/Infra.Cli/Cost/UnitPrices.cs); no network used");
        text.AppendLine();
        text.AppendLine("Idle (billed while the stack exists, used or not):");
        foreach (var group in lines.Where(l => l.IdleMonthly > 0).GroupBy(l => (l.Type, l.Charged)).OrderByDescending(g => g.Sum(l => l.IdleMonthly)))
        {
            var what = group.Count() == 1 ? $"{group.First().Resource} ({group.Key.Type})" : $"{group.Count()} × {group.Key.Type}";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Sum(l => l.IdleMonthly),8:0.00} USD/month  {what}: {group.Key.Charged}"));
        }
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {lines.Sum(l => l.IdleMonthly),8:0.00} USD/month  idle total (rough)"));
        text.AppendLine();
        text.AppendLine("By use (nothing when idle):");
        foreach (var group in lines.Where(l => l.IdleMonthly == 0).GroupBy(l => (l.Type, l.Charged)))
        {
            text.AppendLine($"  {group.Count(),3} × {group.Key.Type}: {group.Key.Charged}");
        }
        return text.ToString();
    }

}
