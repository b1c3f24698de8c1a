using Lambda.Hosting.Client;
using Lambda.Hosting.Logging;

namespace Lambda.Hosting.Bootstrap;

/// <summary>Entry point for a function's Program.cs: connects to the Runtime API named by the environment and runs the loop.</summary>
public static class LambdaRuntime
{
    public static async Task<int> RunAsync(Func<InvocationHandler> initialize)
    {
        var environment = new ProcessEnvironment();
        var endpoint = environment.Get(RuntimeApiNames.RuntimeApiVariable);
        if (string.IsNullOrEmpty(endpoint))
        {
            await Console.Error.WriteLineAsync($"{RuntimeApiNames.RuntimeApiVariable} is not set: this program runs inside AWS Lambda or a Runtime API emulator").ConfigureAwait(false);
            return 2;
        }
        // Not disposed: the exit handlers below may still run after the loop has returned.
        var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, args) => { args.Cancel = true; stop.Cancel(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        var logger = new JsonLogger(Console.Out, TimeProvider.System);
        var bootstrap = new LambdaBootstrap(HttpRuntimeApiClient.ForEndpoint(endpoint), environment, TimeProvider.System, logger);
        try
        {
            return await bootstrap.RunAsync(initialize, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            // The loop answers every handler failure itself: what escapes it is the Runtime API failing.
            logger.Error($"the Runtime API at {endpoint} failed; the runtime stops", e);
            return 1;
        }
    }
}
