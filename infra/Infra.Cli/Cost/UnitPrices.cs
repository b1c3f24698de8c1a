namespace Infra.Cli.Cost;

/// <summary>
/// The unit prices the estimate assumes: on-demand list prices for eu-west-1 as noted on <see cref="AsOf"/>,
/// rounded; no network is used. Check them against the AWS pricing calculator before relying on a total.
/// </summary>
public static class UnitPrices
{
    public const string Region = "eu-west-1";
    public const string AsOf = "2026-11";
    public const double HoursPerMonth = 730;

    /// <summary>RDS instance-hours (single-AZ; multi-AZ doubles), by instance class.</summary>
    public static readonly IReadOnlyDictionary<string, double> DatabaseHour = new Dictionary<string, double>
    {
        ["db.t4g.micro"] = 0.018,
        ["db.t4g.small"] = 0.036,
        ["db.m7g.large"] = 0.178,
    };

    public const double DatabaseStorageGbMonth = 0.133;
    public const double InterfaceEndpointHourPerAz = 0.011;
    public const double KmsKeyMonth = 1.00;
    public const double AlarmMonth = 0.10;
    public const double DashboardMonth = 3.00;
    public const double KinesisShardHour = 0.017;
    public const double KinesisOnDemandStreamHour = 0.044;

    // Per use (not in the idle total).
    public const double S3StandardGbMonth = 0.023;
    public const double AthenaTbScanned = 5.00;
    public const double StepFunctionsPerThousandTransitions = 0.025;
    public const double LambdaGbSecond = 0.0000166667;
    public const double LambdaPerMillionRequests = 0.20;
    public const double FirehosePerGbIngested = 0.031;
    public const double GlueCrawlerDpuHour = 0.44;
    public const double KinesisOnDemandPerGbIn = 0.088;
}
