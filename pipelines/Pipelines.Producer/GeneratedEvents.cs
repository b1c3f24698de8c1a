using Pipelines.Generator;
using Pipelines.Generator.Output;

namespace Pipelines.Producer;

/// <summary>A generated event dataset as stream records: one JSON object each, keyed by the event's id.</summary>
public static class GeneratedEvents
{
    public static IEnumerable<PutRecordsEntry> Records(DatasetGenerator events)
    {
        if (!events.Schema.Columns[0].IsKey)
        {
            throw new ArgumentException($"dataset '{events.Schema.Name}' has no leading key to partition by", nameof(events));
        }
        foreach (var row in events.Rows())
        {
            yield return new PutRecordsEntry(Convert.ToString(row[0], System.Globalization.CultureInfo.InvariantCulture)!, NdjsonWriter.Line(events.Schema, row));
        }
    }
}
