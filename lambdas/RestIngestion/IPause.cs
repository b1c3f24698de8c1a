namespace RestIngestion;

/// <summary>Waiting between retries; tests record the waits instead of sleeping through them.</summary>
public interface IPause
{
    Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken);
}

public sealed class TaskPause : IPause
{
    public Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
