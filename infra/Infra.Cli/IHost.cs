namespace Infra.Cli;

/// <summary>What the command line needs from its process: environment, working directory and output streams.</summary>
public interface IHost
{
    string? GetEnvironmentVariable(string name);
    string WorkingDirectory { get; }
    TextWriter Out { get; }
    TextWriter Error { get; }

    /// <summary>Whether a person is at the terminal: Pulumi runs the compiler with its output redirected.</summary>
    bool IsInteractive { get; }
}

public sealed class ProcessHost : IHost
{
    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);
    public string WorkingDirectory => Directory.GetCurrentDirectory();
    public TextWriter Out => Console.Out;
    public TextWriter Error => Console.Error;
    public bool IsInteractive => !Console.IsOutputRedirected && !Console.IsInputRedirected;
}
