using Lambda.Hosting.Context;
using Lambda.Hosting.ExceptionHandling;

namespace Lambda.Hosting.Client;

/// <summary>The four calls a custom runtime makes to the Lambda Runtime API.</summary>
public interface IRuntimeApiClient
{
    /// <summary>Waits for the next invocation (long poll).</summary>
    Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    Task SendResponseAsync(string requestId, byte[] response, CancellationToken cancellationToken);

    Task SendErrorAsync(string requestId, ErrorBody error, CancellationToken cancellationToken);

    Task SendInitErrorAsync(ErrorBody error, CancellationToken cancellationToken);
}

/// <summary>An event to handle and its context.</summary>
public sealed record Invocation(byte[] Payload, InvocationContext Context);
