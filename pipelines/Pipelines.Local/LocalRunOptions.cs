namespace Pipelines.Local;

/// <summary>How the functions' handlers run locally.</summary>
public enum FunctionHost
{
    /// <summary>The handler classes called in this process: the default, fastest, and what the end-to-end tests use.</summary>
    InProcess,

    /// <summary>The published Native AOT bootstraps behind the Runtime API emulator: what Lambda runs (needs <c>./lambdas/package</c>).</summary>
    Emulator,
}

/// <summary>What a local run does.</summary>
/// <param name="Stack">The stack whose courses run: <c>course1</c> … <c>course4</c>, or <c>dev</c> for all of them.</param>
/// <param name="StateRoot">The folder under which each stack's run lives (<c>.local</c> in the project by default).</param>
public sealed record LocalRunOptions(string Stack, string StateRoot)
{
    public int Seed { get; init; } = 42;
    public double Scale { get; init; } = 1.0;
    // Clean by default: a deliberate bad parent row orphans its children and the gate stops the run, as it should.
    public double BadRowRate { get; init; }

    /// <summary>Start MariaDB or PostgreSQL and the paged API server, and extract through the functions; otherwise the generator's data stands in for them.</summary>
    public bool WithServers { get; init; }

    public FunctionHost Host { get; init; } = FunctionHost.InProcess;

    /// <summary>
    /// Faults as AWS shows them: a poison record in one dataset's bronze (quarantined with its reason), the
    /// store timing out on silver's first write (the step retried), and with servers the API answering 429
    /// and 500 (the function retries). Nothing may be lost: the run must still reconcile.
    /// </summary>
    public bool InjectFaults { get; init; }

    /// <summary>The project root, where the function archives are (emulator host only).</summary>
    public string? ProjectRoot { get; init; }

    public string StackFolder => Path.Combine(StateRoot, Stack);
}
