namespace Pipelines.Generator;

/// <summary>
/// Which rows of a dataset are spoiled and how: round(rate × rows) distinct rows, at least one per
/// kind the dataset can have when the rate is above zero, kinds taken in turn. Deterministic from the seed.
/// </summary>
public sealed class BadRowPlan
{
    private readonly Dictionary<long, BadRowKind> _kinds;

    private BadRowPlan(Dictionary<long, BadRowKind> kinds) => _kinds = kinds;

    public static BadRowPlan For(string dataset, long rows, IReadOnlyList<BadRowKind> kinds, GeneratorSettings settings)
    {
        var chosen = new Dictionary<long, BadRowKind>();
        if (settings.BadRowRate == 0 || kinds.Count == 0 || rows == 0)
        {
            return new BadRowPlan(chosen);
        }
        var count = Math.Min(rows, Math.Max(kinds.Count, (long)Math.Round(rows * settings.BadRowRate)));
        var random = new RowRandom(settings.Seed, dataset + "/bad-rows", 0);
        // Floyd's sampling: count distinct indexes in [0, rows) without a list of all rows.
        for (var candidateEnd = rows - count; candidateEnd < rows; candidateEnd++)
        {
            var pick = (long)(random.NextULong() % (ulong)(candidateEnd + 1));
            var index = chosen.ContainsKey(pick) ? candidateEnd : pick;
            chosen[index] = kinds[chosen.Count % kinds.Count];
        }
        return new BadRowPlan(chosen);
    }

    public BadRowKind? KindOf(long index) => _kinds.TryGetValue(index, out var kind) ? kind : null;

    public int Count => _kinds.Count;

    public IEnumerable<long> Indexes => _kinds.Keys.Order();
}
