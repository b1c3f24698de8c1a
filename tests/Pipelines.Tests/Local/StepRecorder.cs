using Pipelines.Local;

namespace Pipelines.Tests.Local;

/// <summary>Records the steps a local run starts, in order, and its notes.</summary>
public sealed class StepRecorder : IRunProgress
{
    public List<string> Steps { get; } = [];

    public System.Collections.Concurrent.ConcurrentQueue<string> Notes { get; } = new();

    public void Note(string message) => Notes.Enqueue(message);

    public void Started(string course, string step) => Steps.Add($"{course}/{step}");

    public void Finished(StepReport step) { }
}
