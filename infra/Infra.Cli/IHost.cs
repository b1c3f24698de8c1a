namespace Infra.Cli;

/// <summary>What the command line needs from its process: environment, working directory and output streams.</summary>
public interface IHost
{
    string? GetEnvironmentVariable(string name);
    string WorkingDirectory { get; }
    TextWriter Out { get; }
    TextWriter Error { get; }
}

public sealed class ProcessHost : IHost
{
    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);
    public string WorkingDirectory => Directory.GetCurrentDirectory();
    public TextWriter Out => Console.Out;
    public TextWriter Error => Console.Error;
}
