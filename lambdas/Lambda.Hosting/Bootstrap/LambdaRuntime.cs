using System.Runtime.InteropServices;
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
        // SIGTERM (Lambda's shutdown) and SIGINT end the loop cleanly. Not Console.CancelKeyPress:
        // it initialises the terminal, about 1.5 ms of every cold start. The source is not
        // disposed: a signal handler may still be running when the loop returns.
        var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
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
