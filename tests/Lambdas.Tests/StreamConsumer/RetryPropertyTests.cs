using Lambda.Storage;
using System.Text.Json;
using CsCheck;
using Lambda.Events;
using Lambdas.Tests.Support;
using StreamConsumer;

namespace Lambdas.Tests.StreamConsumer;

/// <summary>
/// Every record is stored exactly once, whatever Lambda does: batches of any length from the
/// checkpoint (the same batch again, a longer one, a shorter one, halves at any depth), store
/// failures after any number of writes, and function errors at the invocation's deadline.
/// </summary>
public sealed class RetryPropertyTests
{
    private const string Bucket = "bronze";

    /// <summary>One invocation: how many records from the checkpoint, and after how many writes it fails (none, the store, or the deadline).</summary>
    private sealed record Attempt(int Length, int FailAfterPuts, bool Deadline);

    private static readonly Gen<string[]> Streams = Gen.Int[0, 4].Select(kind => kind switch
    {
        0 => "USA",
        1 => "Japan",
        2 => "Peru",
        3 => "oops",
        _ => "{}",
    }).Array[1, 40];

    private static readonly Gen<Attempt[]> Scripts =
        Gen.Select(Gen.Int[1, 45], Gen.Int[-1, 4], Gen.Bool, (length, fail, deadline) => new Attempt(length, fail, deadline)).Array[0, 25];

    [Fact]
    public void EveryRecord_IsStoredExactlyOnce_UnderAnyRetryHistory()
    {
        Gen.Select(Streams, Scripts).Sample((kinds, script) =>
        {
            var store = new MemoryObjectStore();
            var payloads = kinds.Select((kind, i) => kind is "USA" or "Japan" or "Peru" ? KinesisBatch.Session($"s{i}", kind) : kind).ToArray();
            var all = KinesisBatch.Of(payloads).Records;

            Replay(all, script, store);

            var stored = store.Objects.Values.SelectMany(MemoryObjectStore.Gunzip)
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("_sequence_number").GetString()!)
                .Order(StringComparer.Ordinal)
                .ToList();
            return stored.SequenceEqual(all.Select(r => r.Kinesis.SequenceNumber).Order(StringComparer.Ordinal));
        }, iter: 400);
    }

    /// <summary>Lambda's side: one batch at a time from the checkpoint; after the script, whole batches without failures.</summary>
    private static void Replay(IReadOnlyList<KinesisEventRecord> all, IReadOnlyList<Attempt> script, MemoryObjectStore memory)
    {
        var checkpoint = 0;
        for (var step = 0; checkpoint < all.Count; step++)
        {
            var attempt = step < script.Count ? script[step] : new Attempt(all.Count, -1, false);
            var batch = all.Skip(checkpoint).Take(attempt.Length).ToList();
            using var deadline = new CancellationTokenSource();
            var store = new ScriptedStore(memory, attempt.FailAfterPuts, attempt.Deadline ? deadline : null);
            var handler = new StreamConsumerHandler(store, new StreamConsumerOptions { Bucket = Bucket });
            ConsumerOutcome outcome;
            try
            {
                outcome = handler.HandleAsync(new KinesisEvent { Records = batch }, deadline.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                continue; // a function error: the batch is retried (or bisected) from the same checkpoint
            }
            Assert.True(outcome.Reconciles);
            if (outcome.Response.BatchItemFailures is [var failure, ..])
            {
                checkpoint = all.ToList().FindIndex(r => r.Kinesis.SequenceNumber == failure.ItemIdentifier);
            }
            else
            {
                checkpoint += batch.Count;
            }
        }
    }
}
