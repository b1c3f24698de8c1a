using Infra.Cli;

namespace Infra.Tests.Support;

/// <summary>A process seam for the command line: given variables and working directory, captured output.</summary>
public sealed class FakeHost(IReadOnlyDictionary<string, string>? variables = null, string? workingDirectory = null, bool interactive = false) : IHost
{
    private readonly IReadOnlyDictionary<string, string> _variables = variables ?? new Dictionary<string, string>();

    public string? GetEnvironmentVariable(string name) => _variables.GetValueOrDefault(name);
    public string WorkingDirectory { get; } = workingDirectory ?? Repository.Root;
    public TextWriter Out { get; } = new StringWriter();
    public TextWriter Error { get; } = new StringWriter();
    public bool IsInteractive { get; } = interactive;
    public string Stdout => Out.ToString()!;
    public string Stderr => Error.ToString()!;
}
