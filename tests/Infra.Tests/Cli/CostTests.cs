using Infra.Cli.Cost;
using Infra.Platform.Profiles;
using Infra.Tests.Support;

namespace Infra.Tests.Cli;

/// <summary>The cost estimate, derived from each synthesized stack at the assumed unit prices.</summary>
public class CostTests
{
    private static IReadOnlyList<CostLine> Lines(string stack) => CostEstimate.Lines(PlatformProgram.Build(Stacks.Settings(stack)));

    [Fact]
    public void A_database_costs_its_instance_hours_and_storage_and_multi_az_doubles_the_hours()
    {
        var course = Lines("course1").Single(l => l.Type == "aws:rds:Instance");
        var prod = Lines("prod").Single(l => l.Type == "aws:rds:Instance");

        Assert.Equal(UnitPrices.DatabaseHour["db.t4g.micro"] * UnitPrices.HoursPerMonth + 20 * UnitPrices.DatabaseStorageGbMonth, course.IdleMonthly, 6);
        Assert.Equal(UnitPrices.DatabaseHour["db.m7g.large"] * 2 * UnitPrices.HoursPerMonth + 20 * UnitPrices.DatabaseStorageGbMonth, prod.IdleMonthly, 6);
    }

    [Fact]
    public void Each_stacks_idle_total_comes_from_its_own_resources()
    {
        var course4 = Lines("course4");
        var course3 = Lines("course3");

        Assert.DoesNotContain(course4, l => l.Type == "aws:kinesis:Stream");
        Assert.Contains(course3, l => l.Type == "aws:kinesis:Stream" && l.IdleMonthly == UnitPrices.KinesisOnDemandStreamHour * UnitPrices.HoursPerMonth);
        Assert.Equal(course3.Count(l => l.Type == "aws:cloudwatch:MetricAlarm") * UnitPrices.AlarmMonth, course3.Where(l => l.Type == "aws:cloudwatch:MetricAlarm").Sum(l => l.IdleMonthly), 6);
        Assert.True(Lines("prod").Sum(l => l.IdleMonthly) > Lines("dev").Sum(l => l.IdleMonthly));
        Assert.All(course4.Where(l => l.Type == "aws:lambda:Function"), l => Assert.Equal(0, l.IdleMonthly));
    }

    [Fact]
    public void The_command_prints_the_idle_total_and_the_prices_it_assumes()
    {
        var host = new FakeHost();

        Assert.Equal(0, Infra.Cli.CommandLine.Run(["cost", "--stack", "course2"], host));
        Assert.Contains("idle total", host.Stdout);
        Assert.Contains($"{UnitPrices.Region}, {UnitPrices.AsOf}", host.Stdout);
        Assert.Contains("By use", host.Stdout);
    }
}
