namespace Pipelines.Generator.Events;

/// <summary>What every event dataset can suffer: a late arrival moves its timestamp two to five days back.</summary>
public static class EventSpoiling
{
    public static readonly IReadOnlyList<BadRowKind> Kinds = [BadRowKind.MissingRequired, BadRowKind.Duplicate, BadRowKind.OutOfRange, BadRowKind.Late];

    public static void MakeLate(object?[] row, int timestampColumn, ref RowRandom random) =>
        row[timestampColumn] = ((DateTime)row[timestampColumn]!).AddDays(-random.Between(2, 5));
}
