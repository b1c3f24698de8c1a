using System.Text.Json;

namespace RestIngestion;

/// <summary>The API client's id and secret, as the SecureString parameter holds them: <c>{"client_id": …, "client_secret": …}</c>.</summary>
public sealed record ClientCredentials(string ClientId, string ClientSecret)
{
    public static ClientCredentials Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("client_id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("client_secret", out var secret) && secret.ValueKind == JsonValueKind.String)
            {
                return new ClientCredentials(id.GetString()!, secret.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Reported below without the text: it is a secret.
        }
        throw new InvalidOperationException($"{source} does not hold {{\"client_id\": \"…\", \"client_secret\": \"…\"}}");
    }

    public override string ToString() => $"ClientCredentials {{ ClientId = {ClientId} }}";
}
