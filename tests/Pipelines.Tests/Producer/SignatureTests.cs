using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Pipelines.Producer;

namespace Pipelines.Tests.Producer;

/// <summary>The SigV4 pieces against the worked example of AWS's Signature Version 4 documentation (IAM ListUsers).</summary>
public sealed class SignatureTests
{
    private static readonly SortedDictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8",
        ["host"] = "iam.amazonaws.com",
        ["x-amz-date"] = "20150830T123600Z",
    };

    [Fact]
    public void The_canonical_request_has_the_documented_form()
    {
        var canonical = SignedAwsClient.CanonicalRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", Headers, []);

        Assert.Equal("""
            GET
            /
            Action=ListUsers&Version=2010-05-08
            content-type:application/x-www-form-urlencoded; charset=utf-8
            host:iam.amazonaws.com
            x-amz-date:20150830T123600Z

            content-type;host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """.Replace("\r", ""), canonical);
    }

    [Fact]
    public void The_signer_gives_the_documented_signature_for_it()
    {
        var canonical = SignedAwsClient.CanonicalRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", Headers, []);
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);

        var result = AWS4Signer.ComputeSignature(credentials, "us-east-1", new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc), "iam", "content-type;host;x-amz-date", canonical);

        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", result.Signature);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=", result.ForAuthorizationHeader);
        Assert.NotEqual(result.Signature, AWS4Signer.ComputeSignature(credentials, "us-east-1", new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc), "iam", "content-type;host;x-amz-date", canonical + "x").Signature);
    }

    [Fact]
    public async Task Requests_carry_the_target_the_date_the_token_and_a_signature_over_them()
    {
        var handler = new RecordingHandler();
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        var client = new KinesisPutRecordsClient(new HttpClient(handler), new Uri("https://kinesis.eu-west-1.amazonaws.com/"), "eu-west-1",
            () => new ImmutableCredentials("AKID", "secret", "session-token"), clock);

        await client.PutRecordsAsync("sessions", [new PutRecordsEntry("k", "hello"u8.ToArray())], CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.Equal(KinesisPutRecordsClient.Target, request.Headers.GetValues("X-Amz-Target").Single());
        Assert.Equal("20260301T060000Z", request.Headers.GetValues("X-Amz-Date").Single());
        Assert.Equal("session-token", request.Headers.GetValues("X-Amz-Security-Token").Single());
        var authorization = request.Headers.GetValues("Authorization").Single();
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/20260301/eu-west-1/kinesis/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=", authorization);
        Assert.Contains("\"Data\":\"aGVsbG8=\"", Encoding.UTF8.GetString(handler.Bodies.Single()));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
