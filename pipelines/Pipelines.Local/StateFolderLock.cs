namespace Pipelines.Local;

/// <summary>
/// One run at a time per stack's state folder: the lock is a file beside the folder (a run starts by emptying the
/// folder), held open exclusively for the run, so the operating system releases it however the process ends. A second
/// run waits for it, saying once which run holds it.
/// </summary>
public sealed class StateFolderLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _lock;
    private readonly string _owner;

    private StateFolderLock(FileStream held, string owner)
    {
        _lock = held;
        _owner = owner;
    }

    /// <param name="waiting">Told once, when another run holds the folder, which run that is.</param>
    public static async Task<StateFolderLock> AcquireAsync(string stackFolder, Action<string> waiting, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(stackFolder).TrimEnd(Path.DirectorySeparatorChar) + ".lock";
        var owner = path + ".owner";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var told = false;
        while (true)
        {
            try
            {
                var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(owner, $"process {Environment.ProcessId}, since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");
                return new StateFolderLock(held, owner);
            }
            catch (IOException) when (!told)
            {
                waiting($"{stackFolder} is in use by another run ({Holder(owner)}); waiting for it to finish");
                told = true;
            }
            catch (IOException)
            {
            }
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Holder(string owner)
    {
        try
        {
            return File.ReadAllText(owner);
        }
        catch (IOException)
        {
            return "a process that has not said which";
        }
    }

    public void Dispose()
    {
        File.Delete(_owner);
        _lock.Dispose();
    }
}
