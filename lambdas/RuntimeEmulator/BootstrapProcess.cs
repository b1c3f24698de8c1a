using System.Diagnostics;
using System.Text;

namespace RuntimeEmulator;

/// <summary>A function's real bootstrap executable, running against a Runtime API endpoint.</summary>
public sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public BootstrapProcess(string executable, string runtimeApi, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Waits for the process to end and, when it did, for the last of its output.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }
        _process.WaitForExit();
        return true;
    }

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
