using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Hosting.Bootstrap;

/// <summary>Turns a plain typed handler into the host's delegate, with source-generated JSON on both sides.</summary>
public static class HandlerAdapter
{
    public static InvocationHandler For<TEvent, TResponse>(
        Func<TEvent, CancellationToken, Task<TResponse>> handler,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResponse> responseType) =>
        For<TEvent, TResponse>((request, _, cancellationToken) => handler(request, cancellationToken), eventType, responseType);

    /// <summary>For a handler that plans its work against the invocation's deadline.</summary>
    public static InvocationHandler For<TEvent, TResponse>(
        Func<TEvent, DateTimeOffset, CancellationToken, Task<TResponse>> handler,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResponse> responseType) =>
        async (payload, context, cancellationToken) =>
        {
            var request = JsonSerializer.Deserialize(payload, eventType)
                ?? throw new InvalidDataException($"the event is null, expected a {typeof(TEvent).Name}");
            var response = await handler(request, context.Deadline, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.SerializeToUtf8Bytes(response, responseType);
        };
}
