using Pipelines.Local;

namespace Pipelines.Tests.Local;

/// <summary>Records the steps a local run starts, in order.</summary>
public sealed class StepRecorder : IRunProgress
{
    public List<string> Steps { get; } = [];

    public void Started(string course, string step) => Steps.Add($"{course}/{step}");

    public void Finished(StepReport step) { }
}
