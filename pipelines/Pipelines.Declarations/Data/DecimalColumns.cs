namespace Pipelines.Declarations.Data;

/// <summary>How every decimal column of every dataset is typed, by the catalog, the SQL on both engines and the functions alike.</summary>
public static class DecimalColumns
{
    public const int Precision = 14;
    public const int Scale = 2;

    public static readonly string Type = $"decimal({Precision},{Scale})";

    /// <summary>The largest magnitude the type holds: 999,999,999,999.99.</summary>
    public static readonly decimal Largest = (decimal)Math.Pow(10, Precision - Scale) - 1m / (decimal)Math.Pow(10, Scale);

    /// <summary>Whether the value is held exactly: within <see cref="Largest"/> and with no more than <see cref="Scale"/> decimal places.</summary>
    public static bool Holds(decimal value) => Math.Abs(value) <= Largest && decimal.Round(value, Scale) == value;
}
