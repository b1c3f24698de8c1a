using Infra.Model.Values;

namespace Infra.Platform.Iam;

/// <summary>An IAM policy document, rendered through <c>fn::toJSON</c> so references resolve at deployment.</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements)
{
    public const string Version = "2012-10-17";

    public Value ToJson() => Fn.ToJson(new MapValue
    {
        ["Version"] = Version,
        ["Statement"] = new ListValue(Statements.Select(statement => (Value)statement.ToMap())),
    });

    /// <summary>Denies every request of a service (e.g. "s3", "sqs") to the resources that does not use TLS.</summary>
    public static PolicyStatement DenyInsecureTransport(string service, params Value[] resources) => new()
    {
        Sid = "DenyInsecureTransport",
        Effect = PolicyEffect.Deny,
        Principal = "*",
        Actions = [service + ":*"],
        Resources = resources,
        Conditions = [("Bool", "aws:SecureTransport", "false")],
    };

    /// <summary>Denies every S3 request to the bucket and its objects that does not use TLS.</summary>
    public static PolicyStatement DenyInsecureBucketTransport(Reference bucketArn) =>
        DenyInsecureTransport("s3", bucketArn, Fn.Interpolate($"{bucketArn}/*"));
}
