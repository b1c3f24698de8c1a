namespace Pipelines.Generator;

/// <summary>
/// A small deterministic generator (SplitMix64) seeded per dataset and row, so every row can be
/// computed on its own, in any order, and a dataset added later changes no other dataset.
/// Chosen over <see cref="Random"/> because its sequence is ours and cannot change with the runtime.
/// </summary>
public struct RowRandom
{
    private ulong _state;

    public RowRandom(int seed, string stream, long index)
    {
        _state = Mix((ulong)(uint)seed ^ Fnv1a(stream)) ^ Mix((ulong)index + 0x9E3779B97F4A7C15UL);
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A value in [0, <paramref name="exclusiveMax"/>).</summary>
    public int Next(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        return (int)(NextULong() % (ulong)exclusiveMax);
    }

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A money amount in [min, max] with two decimals.</summary>
    public decimal Money(decimal min, decimal max)
    {
        var cents = (long)(min * 100) + (long)(NextULong() % (ulong)((max - min) * 100 + 1));
        return cents / 100m;
    }

    /// <summary>A stable identifier in the textual form of a UUID (not a random UUID: it repeats with the seed).</summary>
    public string Uuid()
    {
        var high = NextULong();
        var low = NextULong();
        return $"{high >> 32:x8}-{(high >> 16) & 0xFFFF:x4}-4{high & 0xFFF:x3}-{0x8000 | (low >> 48) & 0x3FFF:x4}-{low & 0xFFFFFFFFFFFFUL:x12}";
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }
        return hash;
    }
}
