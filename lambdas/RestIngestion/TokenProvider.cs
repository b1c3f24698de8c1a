using System.Net;
using System.Text.Json;
using Lambda.Secrets;

namespace RestIngestion;

/// <summary>
/// An OAuth client-credentials access token, fetched on first use and again when the API says it expired
/// (401). The credentials are read once per invocation; the secret never leaves this class.
/// </summary>
public sealed class TokenProvider(HttpClient http, Uri tokenUrl, ISecretSource credentials)
{
    private string? _token;

    public int Issued { get; private set; }

    public async Task<string> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (_token is not null && !refresh)
        {
            return _token;
        }
        var client = ClientCredentials.Parse(await credentials.GetAsync(cancellationToken).ConfigureAwait(false), credentials.Name);
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
        {
            Content = new FormUrlEncodedContent([
                new("grant_type", "client_credentials"), new("client_id", client.ClientId), new("client_secret", client.ClientSecret)]),
        };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            throw new ApiRefusedException($"the token endpoint {tokenUrl} refused client '{client.ClientId}' ({(int)response.StatusCode}): check the credentials parameter");
        }
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        _token = document.RootElement.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String
            ? token.GetString()
            : throw new InvalidDataException($"the token endpoint {tokenUrl} answered without an access_token");
        Issued++;
        return _token!;
    }
}
