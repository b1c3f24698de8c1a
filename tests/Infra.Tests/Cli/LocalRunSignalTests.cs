using System.Diagnostics;

namespace Infra.Tests.Cli;

/// <summary>A local run ended by SIGTERM (a service manager) stops the servers it started, as Ctrl-C does.</summary>
public class LocalRunSignalTests
{
    private static List<int> Descendants(int pid)
    {
        var children = new List<int>();
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            var file = Path.Combine(task, "children");
            if (File.Exists(file))
            {
                children.AddRange(File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
            }
        }
        return [.. children, .. children.SelectMany(child => Directory.Exists($"/proc/{child}") ? Descendants(child) : [])];
    }

    [Fact]
    public async Task Sigterm_stops_the_run_and_the_servers_it_started()
    {
        var start = new ProcessStartInfo(Repository.PathOf("infra", "dataplatform"), ["local", "run", "--course", "4", "--with-servers", "--scale", "2"])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var run = Process.Start(start)!;
        var stderr = run.StandardError.ReadToEndAsync();
        // The first finished step is the database extract: the source database is up by then. (Course 4: another
        // test runs course 3 in-process, and two runs of one course share a state folder.)
        var first = await run.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.NotNull(first);
        var servers = Descendants(run.Id);
        Assert.NotEmpty(servers);

        Process.Start("kill", ["-TERM", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("stopped", await stderr);
        await Task.Delay(500);
        Assert.All(servers, pid => Assert.False(File.Exists($"/proc/{pid}/status") && !File.ReadAllText($"/proc/{pid}/status").Contains("State:\tZ", StringComparison.Ordinal),
            $"process {pid} is still running"));
    }
}
