using Lambda.Events;
using Lambda.Sessions;

namespace Recommendations;

/// <summary>
/// Firehose's transformation contract for course 1's sessions: each record comes back with its id, as
/// <c>Ok</c> with its recommendation-input line, <c>Dropped</c> when the session browsed nothing (nothing
/// to recommend from), or <c>ProcessingFailed</c> with its original data when it is not a valid session —
/// Firehose then delivers it under the error prefix, and the reason is logged with its record id.
/// Every record is accounted for: in = ok + dropped + failed.
/// </summary>
public sealed class RecommendationsHandler(Action<string> log)
{
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
        return new TransformOutcome(new FirehoseTransformationResponse { Records = results }, ok, dropped, failed);
    }
}

/// <summary>The response and how its records divide: in = ok + dropped + failed.</summary>
public sealed record TransformOutcome(FirehoseTransformationResponse Response, int Ok, int Dropped, int Failed);
