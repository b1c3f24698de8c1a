using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules;

/// <summary>Keys rotate; streams, deliveries, topics, queues, logs and the catalog are encrypted with a key.</summary>
public static class EncryptionRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule("KMS-1-rotation", "every key rotates yearly", "set enableKeyRotation: true", ["aws:kms:Key"],
            (_, key) => IsTrue(key, "enableKeyRotation") ? null : "key rotation is off"),
        new ResourceRule("KMS-2-root-only-star", "a key policy grants kms:* to the account root only", "grant other principals the actions they use, never kms:*", ["aws:kms:Key"],
            (_, key) => Statements(key, "policy").Where(s => Strings(s, "Action").Contains("kms:*"))
                .Any(s => !(s.TryGet("Principal", out var principal) && principal is Infra.Model.Values.MapValue map && map.TryGet("AWS", out var aws) && Describe(aws).EndsWith(":root", StringComparison.Ordinal)))
                ? "kms:* is granted to a principal other than the account root" : null),
        new ResourceRule("KIN-1-stream-encrypted", "every stream is encrypted with KMS", "set encryptionType: KMS and kmsKeyId", ["aws:kinesis:Stream"],
            (_, stream) => Text(stream, "encryptionType") == "KMS" && IsSet(stream, "kmsKeyId") ? null : "the stream is not encrypted with a key"),
        new ResourceRule("FH-1-delivery-encrypted", "every Firehose delivery writes objects encrypted with a key", "set extendedS3Configuration.kmsKeyArn", ["aws:kinesis:FirehoseDeliveryStream"],
            (_, delivery) => IsSet(delivery, "extendedS3Configuration.kmsKeyArn") || IsTrue(delivery, "serverSideEncryption.enabled") ? null : "delivered objects are not encrypted with a key"),
        new ResourceRule("SNS-1-topic-encrypted", "every topic is encrypted with a key", "set kmsMasterKeyId", ["aws:sns:Topic"],
            (_, topic) => IsSet(topic, "kmsMasterKeyId") ? null : "the topic is not encrypted"),
        new ResourceRule("SQS-1-queue-encrypted", "every queue is encrypted with a key", "set kmsMasterKeyId", ["aws:sqs:Queue"],
            (_, queue) => IsSet(queue, "kmsMasterKeyId") ? null : "the queue is not encrypted with a key"),
        new ResourceRule("GLUE-1-crawler-security", "every crawler runs with a security configuration", "set securityConfiguration to a Glue SecurityConfiguration using the stack key", ["aws:glue:Crawler"],
            (_, crawler) => IsSet(crawler, "securityConfiguration") ? null : "the crawler has no security configuration"),
        new ResourceRule("GLUE-2-security-configuration-kms", "a Glue security configuration encrypts S3, CloudWatch and bookmarks with a key", "set SSE-KMS, SSE-KMS and CSE-KMS with the key", ["aws:glue:SecurityConfiguration"],
            (_, config) => Text(config, "encryptionConfiguration.s3Encryption.s3EncryptionMode") == "SSE-KMS"
                && Text(config, "encryptionConfiguration.cloudwatchEncryption.cloudwatchEncryptionMode") == "SSE-KMS"
                && Text(config, "encryptionConfiguration.jobBookmarksEncryption.jobBookmarksEncryptionMode") == "CSE-KMS" ? null : "some of S3, CloudWatch or bookmarks is not encrypted with a key"),
    ];
}

/// <summary>
/// The Data Catalog is encrypted where the stack has tables in it: the account stack sets the encryption, and every
/// other stack with catalog databases reads the account stack's key by its alias (its catalog callers use that key).
/// </summary>
public sealed class CatalogEncryptionRule : PolicyRule
{
    public override string Id => "GLUE-3-catalog-encryption";
    public override string Requires => "a stack with catalog tables uses the catalog encrypted at rest with a key: the account stack's";
    public override string Fix => $"deploy the account stack (it sets DataCatalogEncryptionSettings) and read its key with {Platform.Components.Account.AccountWide.GetAliasFunction}";

    public override IEnumerable<Finding> Check(ProgramView program)
    {
        if (!program.OfType("aws:glue:CatalogDatabase").Any())
        {
            return [];
        }
        var encrypted = program.OfType("aws:glue:DataCatalogEncryptionSettings")
            .Any(s => Text(s, "dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode") == "SSE-KMS");
        var readsTheAccountsKey = program.Variables.Any(variable => variable.Value is BuiltIn { Function: "invoke", Argument: MapValue call }
            && call.TryGet("function", out var function) && function is Text { Content: Platform.Components.Account.AccountWide.GetAliasFunction }
            && call.TryGet("arguments", out var arguments) && arguments is MapValue named && named.TryGet("name", out var alias)
            && alias is Text { Content: var aliasName } && aliasName == Platform.Components.Account.AccountWide.CatalogKeyAlias(Platform.Configuration.ConfigKeys.Project));
        return encrypted || readsTheAccountsKey ? [] : [Broken("catalog", "the stack neither encrypts the Data Catalog nor uses the account's catalog key")];
    }
}
