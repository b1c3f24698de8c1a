using Infra.Model.Values;
using Infra.Platform.Aws;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Encryption;

/// <summary>The stack's data key.</summary>
public sealed record EncryptionKeyResult(Reference KeyArn, Reference KeyId, string AliasName, AwsPartition Partition, string Region)
{
    /// <summary>Actions a role needs to read and write data a service encrypts with the key.</summary>
    public static readonly IReadOnlyList<string> DataActions = ["kms:Decrypt", "kms:GenerateDataKey"];

    /// <summary>
    /// Use the key only through the named services (e.g. "s3", "kinesis", "sqs") in the stack's
    /// region: the condition <c>kms:ViaService</c> keeps the role from using it directly.
    /// </summary>
    public PolicyStatement UseThrough(params string[] services) =>
        PolicyStatement.Allow(PascalCase.Of(["UseTheDataKeyThrough", .. services]), DataActions, KeyArn) with
        {
            Conditions =
            [
                ("StringEquals", "kms:ViaService", new ListValue(services.Select(service => (Value)Partition.ServiceEndpoint(service, Region)))),
            ],
        };

    /// <summary>The statements of the permissions and, where they reach encrypted data, the key through exactly their services.</summary>
    public IReadOnlyList<PolicyStatement> Granting(IReadOnlyList<Infra.Platform.Access.Permission> permissions) =>
        Infra.Platform.Access.Permission.KeyServicesOf(permissions) is { Length: > 0 } services
            ? [.. permissions.SelectMany(p => p.Statements), UseThrough(services)]
            : [.. permissions.SelectMany(p => p.Statements)];

    /// <summary>What every caller of a Data Catalog encrypted with this key needs (Glue's and Athena's catalog-encryption pages), only through Glue.</summary>
    public static readonly IReadOnlyList<string> CatalogActions = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"];

    /// <summary>Read and change catalog objects encrypted with the key, only as Glue asks for them (<c>kms:ViaService</c>).</summary>
    public PolicyStatement UseForTheCatalog() =>
        PolicyStatement.Allow("UseTheDataKeyForTheEncryptedCatalog", CatalogActions, KeyArn) with
        {
            Conditions = [("StringEquals", "kms:ViaService", Partition.ServiceEndpoint("glue", Region))],
        };
}
