using System.Globalization;

namespace Lambda.Storage;

/// <summary>
/// How an ingestion run is named in bronze keys: its start time and the number of runs before it, so two
/// runs in the same second never share a folder; and the UTC date it was ingested on.
/// </summary>
public static class RunNames
{
    public static string Id(DateTimeOffset start, long completedRuns) =>
        $"{start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{completedRuns + 1:D6}";

    public static string IngestDate(DateTimeOffset start) => start.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
