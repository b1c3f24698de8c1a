using System.Globalization;

namespace Bench.Shared;

/// <summary>
/// What every benchmark shares with the runner (<c>bench/run</c>): a smoke mode on a tiny input that must complete
/// and print its ratios (CI runs it; its numbers mean nothing), and one machine-readable line per ratio, which the
/// runner gathers into a table against the targets.
/// </summary>
public static class BenchRun
{
    public const string SmokeFlag = "--smoke";

    /// <summary>Whether the benchmark runs in smoke mode; the flag is taken out of the arguments.</summary>
    public static bool Smoke(ref string[] args)
    {
        var smoke = args.Contains(SmokeFlag);
        args = [.. args.Where(arg => arg != SmokeFlag)];
        if (smoke)
        {
            Console.WriteLine("smoke mode: a tiny input, to prove the benchmark runs; its numbers are not measurements");
        }
        return smoke;
    }

    /// <summary>One ratio, as <c>ratio | benchmark | measure | value | target</c> (the runner's table row).</summary>
    public static void Ratio(string benchmark, string measure, double value, string target) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio | {benchmark} | {measure} | {value:F2} | {target}"));
}
