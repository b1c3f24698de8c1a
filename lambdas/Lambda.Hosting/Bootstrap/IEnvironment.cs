namespace Lambda.Hosting.Bootstrap;

/// <summary>The process environment, behind a seam so tests never touch the real one.</summary>
public interface IEnvironment
{
    string? Get(string name);

    void Set(string name, string? value);
}

public sealed class ProcessEnvironment : IEnvironment
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
