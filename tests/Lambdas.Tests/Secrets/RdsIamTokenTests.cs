using System.Web;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Lambda.Secrets;

namespace Lambdas.Tests.Secrets;

/// <summary>The SigV4 query signing behind RDS IAM tokens, checked against the AWS SDK's own presigner.</summary>
public class RdsIamTokenTests
{
    private static readonly AwsCredentials Example = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "session/token+with=special");

    [Fact]
    public void The_presigner_signs_a_url_exactly_as_the_aws_sdk_does()
    {
        using var s3 = new AmazonS3Client(new SessionAWSCredentials(Example.AccessKeyId, Example.SecretAccessKey, Example.SessionToken),
            new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.EUWest1 });
        var url = new Uri(s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = "examplebucket", Key = "reports/test file.txt", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddHours(1),
        }));
        var query = HttpUtility.ParseQueryString(url.Query);
        var time = DateTimeOffset.ParseExact(query["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);
        var others = query.AllKeys.OfType<string>().Where(key => !key.StartsWith("X-Amz-", StringComparison.Ordinal)).ToDictionary(key => key, key => query[key]!);

        var ours = SigV4Presigner.Presign(url.Host, url.AbsolutePath, others, "s3", "eu-west-1", Example, time,
            TimeSpan.FromSeconds(long.Parse(query["X-Amz-Expires"]!, System.Globalization.CultureInfo.InvariantCulture)), "UNSIGNED-PAYLOAD");

        Assert.Equal(query["X-Amz-Signature"], HttpUtility.ParseQueryString(ours)["X-Amz-Signature"]);
    }

    [Fact]
    public void A_token_is_a_presigned_connect_of_the_user_at_the_endpoint_valid_for_fifteen_minutes()
    {
        var now = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var token = RdsIamTokenSource.Token("db.abc.eu-west-1.rds.amazonaws.com", 3306, "extract_reader", "eu-west-1", Example, now);

        Assert.StartsWith("db.abc.eu-west-1.rds.amazonaws.com:3306/?Action=connect&DBUser=extract_reader&X-Amz-Algorithm=AWS4-HMAC-SHA256&", token);
        var query = HttpUtility.ParseQueryString(token[token.IndexOf('?')..]);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE/20261207/eu-west-1/rds-db/aws4_request", query["X-Amz-Credential"]);
        Assert.Equal("900", query["X-Amz-Expires"]);
        Assert.Equal(Example.SessionToken, query["X-Amz-Security-Token"]);
        Assert.Matches("^[0-9a-f]{64}$", query["X-Amz-Signature"]);
        // The signature covers the user: another user's token differs.
        Assert.NotEqual(query["X-Amz-Signature"],
            HttpUtility.ParseQueryString(RdsIamTokenSource.Token("db.abc.eu-west-1.rds.amazonaws.com", 3306, "platform_admin", "eu-west-1", Example, now))["X-Amz-Signature"]);
    }

    [Fact]
    public void Without_the_roles_credentials_the_token_source_says_what_is_missing()
    {
        var source = new RdsIamTokenSource("db", 5432, "extract_reader", "eu-west-1", _ => null, TimeProvider.System);
        var error = Assert.Throws<InvalidOperationException>(() => source.GetAsync(CancellationToken.None).GetAwaiter().GetResult());
        Assert.Contains("AWS_ACCESS_KEY_ID is not set", error.Message);
    }
}
