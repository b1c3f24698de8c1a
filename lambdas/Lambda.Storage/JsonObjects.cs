using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Storage;

/// <summary>Small JSON objects in a store — checkpoints and manifests — with source-generated (trim-safe) serialization.</summary>
public static class JsonObjects
{
    /// <summary>The object at <paramref name="key"/>, or null when there is none; an unreadable one is an error that names it.</summary>
    public static async Task<T?> GetAsync<T>(IObjectStore store, string bucket, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var content = await store.GetAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(content, type) ?? throw new JsonException("the object is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the checkpoint {key} is not readable ({e.Message}); fix or remove it to start over", e);
        }
    }

    public static Task PutAsync<T>(IObjectStore store, string bucket, string key, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        store.PutAsync(bucket, key, JsonSerializer.SerializeToUtf8Bytes(value, type), "application/json", cancellationToken);
}
