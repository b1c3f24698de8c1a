using Infra.Model.Values;
using Infra.Platform.Aws;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Account;

/// <summary>The key the account's Data Catalog is encrypted with: every caller of the catalog uses it through Glue.</summary>
public sealed record CatalogKey(Value KeyArn, AwsPartition Partition, string Region)
{
    /// <summary>What every caller of a Data Catalog encrypted with a key needs (Glue's and Athena's catalog-encryption pages).</summary>
    public static readonly IReadOnlyList<string> CatalogActions = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"];

    /// <summary>Read and change catalog objects encrypted with the key, only as Glue asks for them (<c>kms:ViaService</c>).</summary>
    public PolicyStatement UseForTheCatalog() =>
        PolicyStatement.Allow("UseTheCatalogKeyForTheEncryptedCatalog", CatalogActions, KeyArn) with
        {
            Conditions = [("StringEquals", "kms:ViaService", Partition.ServiceEndpoint("glue", Region))],
        };
}
