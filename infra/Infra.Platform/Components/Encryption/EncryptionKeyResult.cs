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
    public PolicyStatement UseThrough(params string[] services) => Through("UseTheDataKeyThrough", DataActions, services);

    /// <summary>Read only: decrypt what the named services hold encrypted with the key, never ask for a new data key.</summary>
    public PolicyStatement DecryptThrough(params string[] services) => Through("DecryptWithTheDataKeyThrough", ["kms:Decrypt"], services);

    private PolicyStatement Through(string sid, IReadOnlyList<string> actions, string[] services) =>
        PolicyStatement.Allow(PascalCase.Of([sid, .. services]), actions, KeyArn) with
        {
            Conditions =
            [
                ("StringEquals", "kms:ViaService", new ListValue(services.Select(service => (Value)Partition.ServiceEndpoint(service, Region)))),
            ],
        };

    /// <summary>The statements of the permissions and, where they reach encrypted data, the key through exactly their services.</summary>
    public IReadOnlyList<PolicyStatement> Granting(IReadOnlyList<Infra.Platform.Access.Permission> permissions) =>
        Infra.Platform.Access.Permission.KeyServicesOf(permissions) is { Length: > 0 } services
            ? [.. permissions.SelectMany(p => p.Statements),
                permissions.Where(p => p.KeyServices.Count > 0).All(p => p.DecryptsOnly) ? Through("UseTheDataKeyThrough", ["kms:Decrypt"], services) : UseThrough(services)]
            : [.. permissions.SelectMany(p => p.Statements)];
}
