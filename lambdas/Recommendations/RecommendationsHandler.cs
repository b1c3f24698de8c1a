using Lambda.Events;
using Lambda.Sessions;

namespace Recommendations;

/// <summary>
/// Firehose's transformation contract for course 1's sessions: each record comes back with its id, as
/// <c>Ok</c> with its recommendation-input line, <c>Dropped</c> when the session browsed nothing (nothing
/// to recommend from), or <c>ProcessingFailed</c> with its original data when it is not a valid session —
/// Firehose then delivers it under the error prefix, and the reason is logged with its record id.
/// Every record is accounted for: in = ok + dropped + failed. The response stays within Firehose's 6 MB: should the
/// lines outgrow it, the records that grew most come back as <c>ProcessingFailed</c> with their original data (which
/// arrived in a request within the same limit), each logged, until it fits.
/// </summary>
public sealed class RecommendationsHandler(Action<string> log)
{
    /// <summary>The largest response Firehose accepts from a transformation function (6 MB).</summary>
    public const int ResponseLimitBytes = 6 * 1024 * 1024;

    /// <summary>What the records may take: the limit less room for the response's envelope.</summary>
    private const int RecordsBudgetBytes = ResponseLimitBytes - 64 * 1024;

    public TransformOutcome Handle(FirehoseTransformationRequest request)
    {
        var results = new List<FirehoseResultRecord>(request.Records.Count);
        int ok = 0, dropped = 0, failed = 0;
        foreach (var record in request.Records)
        {
            var parsed = SessionParser.Parse(record.Data);
            if (parsed.Session is not { } session)
            {
                failed++;
                log($"record {record.RecordId} failed: {parsed.Reason}");
                results.Add(new FirehoseResultRecord { RecordId = record.RecordId, Result = FirehoseResultRecord.ProcessingFailed, Data = record.Data });
            }
            else if (session.BrowseHistory.Count == 0)
            {
                dropped++;
                results.Add(new FirehoseResultRecord { RecordId = record.RecordId, Result = FirehoseResultRecord.Dropped, Data = record.Data });
            }
            else
            {
                byte[] line;
                try
                {
                    line = RecommendationInput.Line(session);
                }
                catch (OverflowException)
                {
                    failed++;
                    log($"record {record.RecordId} failed: the quantities of browse_history add up beyond a 64-bit number");
                    results.Add(new FirehoseResultRecord { RecordId = record.RecordId, Result = FirehoseResultRecord.ProcessingFailed, Data = record.Data });
                    continue;
                }
                ok++;
                results.Add(new FirehoseResultRecord { RecordId = record.RecordId, Result = FirehoseResultRecord.Ok, Data = Convert.ToBase64String(line) });
            }
        }
        var converted = FitWithinLimit(request, results);
        return new TransformOutcome(new FirehoseTransformationResponse { Records = results }, ok - converted, dropped, failed + converted);
    }

    /// <summary>An upper bound of a record's share of the response: its data, id and result with the JSON around them.</summary>
    private static long SizeOf(FirehoseResultRecord record) => record.Data.Length + record.RecordId.Length + record.Result.Length + 48;

    /// <returns>How many Ok records came back as ProcessingFailed to keep the response within the limit.</returns>
    private int FitWithinLimit(FirehoseTransformationRequest request, List<FirehoseResultRecord> results)
    {
        var total = results.Sum(SizeOf);
        if (total <= RecordsBudgetBytes)
        {
            return 0;
        }
        var converted = 0;
        var growth = Enumerable.Range(0, results.Count).Where(i => results[i].Result == FirehoseResultRecord.Ok)
            .OrderByDescending(i => results[i].Data.Length - request.Records[i].Data.Length).ThenBy(i => i).ToList();
        foreach (var i in growth)
        {
            if (total <= RecordsBudgetBytes)
            {
                break;
            }
            var original = new FirehoseResultRecord { RecordId = results[i].RecordId, Result = FirehoseResultRecord.ProcessingFailed, Data = request.Records[i].Data };
            total += SizeOf(original) - SizeOf(results[i]);
            results[i] = original;
            converted++;
            log($"record {original.RecordId} failed: with its recommendation line the response would pass Firehose's {ResponseLimitBytes / (1024 * 1024)} MB limit, so it is returned as it came");
        }
        return converted;
    }
}

/// <summary>The response and how its records divide: in = ok + dropped + failed.</summary>
public sealed record TransformOutcome(FirehoseTransformationResponse Response, int Ok, int Dropped, int Failed);
