using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lambda.Secrets;

/// <summary>
/// AWS Signature Version 4 in the query string (a presigned GET), as the signing documentation describes it: the only
/// signed header is <c>host</c>, and the signature covers the sorted, encoded query with the authentication parameters.
/// </summary>
public static class SigV4Presigner
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The SHA-256 of an empty payload, hex: what a GET without a body signs.</summary>
    public static readonly string EmptyPayloadHash = Hex(SHA256.HashData([]));

    /// <returns>The query string, signature last, without the leading <c>?</c>.</returns>
    public static string Presign(string host, string path, IReadOnlyDictionary<string, string> parameters, string service, string region,
        AwsCredentials credentials, DateTimeOffset time, TimeSpan expires, string payloadHash)
    {
        var utc = time.UtcDateTime;
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var stamp = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var query = new Dictionary<string, string>(parameters, StringComparer.Ordinal)
        {
            ["X-Amz-Algorithm"] = Algorithm,
            ["X-Amz-Credential"] = $"{credentials.AccessKeyId}/{scope}",
            ["X-Amz-Date"] = stamp,
            ["X-Amz-Expires"] = ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-Amz-SignedHeaders"] = "host",
        };
        if (credentials.SessionToken is { } token)
        {
            query["X-Amz-Security-Token"] = token;
        }
        var canonicalQuery = string.Join('&', query.Select(p => (Key: Encode(p.Key), Value: Encode(p.Value))).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var canonicalRequest = $"GET\n{path}\n{canonicalQuery}\nhost:{host}\n\nhost\n{payloadHash}";
        var stringToSign = $"{Algorithm}\n{stamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(Hmac(Hmac(key, region), service), "aws4_request");
        return $"{canonicalQuery}&X-Amz-Signature={Hex(Hmac(key, stringToSign))}";
    }

    /// <summary>URI encoding as SigV4 defines it: every byte but the unreserved characters as %XX, upper case.</summary>
    public static string Encode(string text)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
