using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipelines.LocalServers;

/// <summary>Helpers for running a server program: find it, run a set-up step, wait for its port, pick a free port.</summary>
public static class LocalProcess
{
    public static bool IsRoot => Environment.UserName == "root";

    public static string Find(string package, params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists)
        ?? throw new ServerMissingException($"{Path.GetFileName(candidates[0])} is not installed: install it with `apt-get install -y {package}` (the CI script does)");

    /// <summary>Runs <paramref name="program"/> to completion, as <paramref name="user"/> when we are root and one is given.</summary>
    public static void Run(string program, IEnumerable<string> arguments, string? user = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Start(program, arguments, user);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {output}");
        }
    }

    public static ProcessStartInfo Start(string program, IEnumerable<string> arguments, string? user)
    {
        var asUser = user is not null && IsRoot;
        var start = new ProcessStartInfo(asUser ? "runuser" : program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (asUser)
        {
            foreach (var prefix in new[] { "-u", user!, "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static void WaitForPort(int port, TimeSpan timeout, Func<string?> exited, string name)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (exited() is { } why)
            {
                throw new InvalidOperationException($"{name} stopped while starting: {why}");
            }
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException($"{name} did not listen on 127.0.0.1:{port} within {timeout}");
    }
}
