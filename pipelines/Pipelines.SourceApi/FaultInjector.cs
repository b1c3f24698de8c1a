using System.Collections.Concurrent;

namespace Pipelines.SourceApi;

/// <summary>
/// The faults the next data requests meet: a script, taken in order, one fault per request; and,
/// optionally, a fault every n-th request for runs that should see trouble without a script.
/// </summary>
public sealed class FaultInjector
{
    private readonly ConcurrentQueue<Fault> _script = new();
    private int _requests;

    public (int Every, IReadOnlyList<Fault> Cycle)? Recurring { get; set; }

    public void Enqueue(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _script.Enqueue(fault);
        }
    }

    public bool Pending => !_script.IsEmpty;

    internal Fault? Next()
    {
        var request = Interlocked.Increment(ref _requests);
        if (_script.TryDequeue(out var scripted))
        {
            return scripted;
        }
        if (Recurring is { Every: > 0 } recurring && recurring.Cycle.Count > 0 && request % recurring.Every == 0)
        {
            return recurring.Cycle[(request / recurring.Every - 1) % recurring.Cycle.Count];
        }
        return null;
    }
}
