using Lambda.Hosting.Client;
using Lambda.Hosting.ExceptionHandling;
using Lambda.Hosting.Logging;

namespace Lambda.Hosting.Bootstrap;

/// <summary>
/// The invoke loop of a custom runtime: initialize once (reporting an init error if that
/// fails), then fetch, handle and answer invocations until stopped. Each invocation's
/// deadline becomes its cancellation token.
/// </summary>
public sealed class LambdaBootstrap(IRuntimeApiClient client, IEnvironment environment, TimeProvider clock, JsonLogger logger)
{
    public const string DeadlineExceededType = "DeadlineExceeded";

    public async Task<int> RunAsync(Func<InvocationHandler> initialize, CancellationToken stop)
    {
        InvocationHandler handler;
        try
        {
            handler = initialize();
        }
        catch (Exception e)
        {
            logger.Error("initialization failed", e);
            await client.SendInitErrorAsync(ErrorBody.From(e), stop).ConfigureAwait(false);
            return 1;
        }
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var invocation = await client.GetNextInvocationAsync(stop).ConfigureAwait(false);
                await InvokeAsync(handler, invocation, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped while waiting or mid-invocation: the environment is shutting down and
                // takes the unanswered invocation with it.
                break;
            }
        }
        return 0;
    }

    public async Task InvokeAsync(InvocationHandler handler, Invocation invocation, CancellationToken stop)
    {
        var context = invocation.Context;
        environment.Set(RuntimeApiNames.TraceIdVariable, context.TraceId);
        using var scope = logger.BeginInvocation(context.RequestId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var remaining = context.RemainingTime(clock.GetUtcNow());
        if (remaining <= TimeSpan.Zero)
        {
            deadline.Cancel();
        }
        else if (remaining < TimeSpan.FromDays(1))
        {
            deadline.CancelAfter(remaining);
        }
        try
        {
            var response = await handler(invocation.Payload, context, deadline.Token).ConfigureAwait(false);
            await client.SendResponseAsync(context.RequestId, response, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            logger.Error("deadline exceeded", null);
            await client.SendErrorAsync(context.RequestId,
                new ErrorBody($"the invocation did not finish before its deadline {context.Deadline:O}", DeadlineExceededType, []), stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            logger.Error("invocation failed", e);
            await client.SendErrorAsync(context.RequestId, ErrorBody.From(e), stop).ConfigureAwait(false);
        }
    }
}
