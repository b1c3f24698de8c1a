namespace Pipelines.Producer;

/// <summary>What a producer run sent: every record is either put or, after the retries, reported failed.</summary>
public sealed record ProduceResult(long Put, long Failed, int Requests, int Retries);

/// <summary>
/// Puts records in PutRecords batches (at most 500 records and 5 MiB each) and puts again, with
/// exponential backoff, the records a response marks failed and whole calls refused for throttling.
/// </summary>
public sealed class StreamProducer(KinesisPutRecordsClient client, int maxAttempts = 8, TimeSpan? baseDelay = null, Func<TimeSpan, CancellationToken, Task>? pause = null)
{
    private readonly TimeSpan _baseDelay = baseDelay ?? TimeSpan.FromMilliseconds(100);
    private readonly Func<TimeSpan, CancellationToken, Task> _pause = pause ?? Task.Delay;

    public async Task<ProduceResult> PutAllAsync(string streamName, IEnumerable<PutRecordsEntry> records, CancellationToken cancellationToken)
    {
        long put = 0, failed = 0;
        int requests = 0, retries = 0;
        foreach (var batch in Batches(records))
        {
            var pending = batch;
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                List<PutRecordsEntry> again;
                try
                {
                    requests++;
                    var outcomes = await client.PutRecordsAsync(streamName, pending, cancellationToken).ConfigureAwait(false);
                    again = [.. pending.Where((_, i) => outcomes[i].Failed)];
                    put += pending.Count - again.Count;
                }
                catch (KinesisRequestException e) when (e.Retryable)
                {
                    again = pending;
                }
                catch (HttpRequestException)
                {
                    again = pending;
                }
                if (again.Count == 0)
                {
                    break;
                }
                if (attempt >= maxAttempts)
                {
                    failed += again.Count;
                    break;
                }
                retries++;
                var ceiling = Math.Min(10_000, _baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
                await _pause(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling), cancellationToken).ConfigureAwait(false);
                pending = again;
            }
        }
        return new ProduceResult(put, failed, requests, retries);
    }

    /// <summary>Groups records under both PutRecords limits; the per-record overhead counts the key and JSON framing.</summary>
    public static IEnumerable<List<PutRecordsEntry>> Batches(IEnumerable<PutRecordsEntry> records)
    {
        var batch = new List<PutRecordsEntry>();
        var bytes = 0;
        foreach (var record in records)
        {
            var size = record.Data.Length + System.Text.Encoding.UTF8.GetByteCount(record.PartitionKey);
            if (batch.Count == KinesisPutRecordsClient.MaxRecords || (batch.Count > 0 && bytes + size > KinesisPutRecordsClient.MaxRequestBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(record);
            bytes += size;
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
