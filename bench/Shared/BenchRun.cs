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

    /// <summary>
    /// How one run at one size went, as <c>growth | benchmark | size | rows | ms | peak MB</c>: <c>bench/growth</c> runs each
    /// benchmark at three sizes and gathers these into one table.
    /// </summary>
    public static void Growth(string benchmark, string size, long rows, double milliseconds, double peakMegabytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"growth | {benchmark} | {size} | {rows} | {milliseconds:F0} | {peakMegabytes:F0}"));

    /// <summary>This process's peak resident memory so far (<c>VmHWM</c>), in kB (Linux).</summary>
    public static long PeakKilobytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>This process's peak resident memory so far, in MB (Linux).</summary>
    public static double PeakMegabytes() => PeakKilobytes() / 1024.0;

    /// <summary>One ratio, as <c>ratio | benchmark | measure | value | target</c> (the runner's table row).</summary>
    public static void Ratio(string benchmark, string measure, double value, string target) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio | {benchmark} | {measure} | {value:F2} | {target}"));
}
