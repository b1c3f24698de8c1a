using Lambda.Hosting.Context;

namespace Lambda.Hosting.Bootstrap;

/// <summary>The one delegate the invoke loop knows: raw event in, raw response out.</summary>
public delegate Task<byte[]> InvocationHandler(byte[] payload, InvocationContext context, CancellationToken cancellationToken);
