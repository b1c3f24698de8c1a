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

    /// <summary>Denies every S3 request to the bucket and its objects that does not use TLS.</summary>
    public static PolicyStatement DenyInsecureTransport(Reference bucketArn) => new()
    {
        Sid = "DenyInsecureTransport",
        Effect = PolicyEffect.Deny,
        Principal = "*",
        Actions = ["s3:*"],
        Resources = [bucketArn, Fn.Interpolate($"{bucketArn}/*")],
        Conditions = [("Bool", "aws:SecureTransport", "false")],
    };
}
