using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Storage;

/// <param name="LogicalName">The bucket resource's logical name.</param>
/// <param name="BucketName">The bucket's name (its id) once created.</param>
/// <param name="Arn">The bucket's ARN.</param>
/// <param name="Policy">The bucket policy resource: what relies on the policy (log delivery) waits for it.</param>
public sealed record BucketResult(string LogicalName, Reference BucketName, Reference Arn, Reference Policy)
{
    /// <summary>Read objects under a prefix and list that prefix.</summary>
    public IReadOnlyList<PolicyStatement> Read(string prefix) =>
    [
        PolicyStatement.Allow(PascalCase.Of("Read", LogicalName, prefix), ["s3:GetObject"], Objects(prefix)),
        PolicyStatement.Allow(PascalCase.Of("List", LogicalName, prefix), ["s3:ListBucket"], Arn) with
        {
            Conditions = [("StringLike", "s3:prefix", $"{Trim(prefix)}/*")],
        },
    ];

    /// <summary>Write (and overwrite) objects under each prefix; nothing else.</summary>
    public PolicyStatement Write(params string[] prefixes) =>
        PolicyStatement.Allow(PascalCase.Of(["Write", LogicalName, .. prefixes]), ["s3:PutObject"], [.. prefixes.Select(Objects)]);

    /// <summary>Read every object of the bucket and list it: for readers of a whole layer (the query engine).</summary>
    public IReadOnlyList<PolicyStatement> ReadAll() =>
    [
        PolicyStatement.Allow(PascalCase.Of("ReadAllOf", LogicalName), ["s3:GetObject"], Fn.Interpolate($"{Arn}/*")),
        PolicyStatement.Allow(PascalCase.Of("ListAllOf", LogicalName), ["s3:ListBucket", "s3:GetBucketLocation"], Arn),
    ];

    /// <summary>Write objects anywhere in the bucket (not delete): for the writer that owns a whole layer.</summary>
    public PolicyStatement WriteAll() =>
        PolicyStatement.Allow(PascalCase.Of("WriteAllOf", LogicalName), ["s3:PutObject", "s3:AbortMultipartUpload"], Fn.Interpolate($"{Arn}/*"));

    /// <summary>List the bucket only under prefixes matching the patterns (e.g. <c>model/r*</c>).</summary>
    public PolicyStatement List(string sid, IEnumerable<string> prefixPatterns) =>
        PolicyStatement.Allow(sid, ["s3:ListBucket"], Arn) with { Conditions = [("StringLike", "s3:prefix", new ListValue(prefixPatterns.Select(p => (Value)p)))] };

    /// <summary>Delete objects whose keys match the patterns (e.g. <c>model/run=*</c>); nothing else.</summary>
    public PolicyStatement Delete(string sid, IEnumerable<string> keyPatterns) =>
        PolicyStatement.Allow(sid, ["s3:DeleteObject"], [.. keyPatterns.Select(pattern => (Value)Fn.Interpolate($"{Arn}/{pattern}"))]);

    /// <summary>The calls of a reader of a prefix: get its objects, list it.</summary>
    public IReadOnlyList<Call> Reads(string prefix) =>
    [
        new ApiCall("s3:GetObject", Objects(prefix)),
        new ApiCall("s3:ListBucket", Arn, new Dictionary<string, string> { ["s3:prefix"] = $"{Trim(prefix)}/" }),
    ];

    /// <summary>The calls of a writer of objects under each prefix.</summary>
    public IReadOnlyList<Call> Writes(params string[] prefixes) => [.. prefixes.Select(prefix => new ApiCall("s3:PutObject", Objects(prefix)))];

    /// <summary>Read objects under a prefix and list it, as one permission (the key through S3).</summary>
    public Permission Reading(string prefix) => new(Read(prefix), Reads(prefix), ["s3"], DecryptsOnly: true);

    /// <summary>Write objects under each prefix, as one permission (the key through S3).</summary>
    public Permission Writing(params string[] prefixes) => new([Write(prefixes)], Writes(prefixes), ["s3"]);

    private Value Objects(string prefix) => Fn.Interpolate($"{Arn}/{Trim(prefix)}/*");

    private static string Trim(string prefix) => prefix.Trim('/');
}
