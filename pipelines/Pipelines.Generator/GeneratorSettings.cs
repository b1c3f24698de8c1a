namespace Pipelines.Generator;

/// <summary>
/// What the generated data depends on, and nothing else: the same settings always give the same data.
/// <paramref name="Scale"/> multiplies row counts (1 ≈ the classicmodels sample: 122 customers,
/// 326 orders, about 3,000 order lines). <paramref name="BadRowRate"/> is the share of rows in each
/// dataset that are spoiled on purpose (see <see cref="BadRowKind"/>); 0 gives clean data.
/// </summary>
public sealed record GeneratorSettings(int Seed = GeneratorSettings.DefaultSeed, double Scale = 1.0, double BadRowRate = GeneratorSettings.DefaultBadRowRate)
{
    public const int DefaultSeed = 42;
    public const double DefaultBadRowRate = 0.01;
    public const double MaxScale = 10_000;
    public const double MaxBadRowRate = 0.5;

    /// <summary>Events are timestamped from here on, so runs do not depend on the clock.</summary>
    public static readonly DateTime EventEpoch = new(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The sales history spans the same years as the classicmodels sample.</summary>
    public static readonly DateOnly SalesEpoch = new(2003, 1, 6);

    public GeneratorSettings Validated()
    {
        if (!(Scale > 0 && Scale <= MaxScale))
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, $"scale must be greater than 0 and at most {MaxScale}");
        }
        if (!(BadRowRate >= 0 && BadRowRate <= MaxBadRowRate))
        {
            throw new ArgumentOutOfRangeException(nameof(BadRowRate), BadRowRate, $"bad-row rate must be between 0 and {MaxBadRowRate}");
        }
        return this;
    }

    /// <summary>A row count for this scale, never below <paramref name="minimum"/>.</summary>
    public long Rows(long atScaleOne, long minimum = 5) => Math.Max(minimum, (long)Math.Round(atScaleOne * Scale));
}
