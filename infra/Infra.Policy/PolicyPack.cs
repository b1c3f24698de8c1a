using Infra.Model;
using Infra.Policy.Rules;
using Infra.Policy.Rules.Services;

namespace Infra.Policy;

/// <summary>Every rule, the accepted exceptions, and the verdict on one synthesized stack.</summary>
public static class PolicyPack
{
    public static IReadOnlyList<PolicyRule> Rules { get; } =
        [.. StorageRules.All, .. EncryptionRules.All, new CatalogEncryptionRule(), new AccountWideSettingsRule(), new IamAllowedPrincipalsRule(), .. ServiceRules.All, .. IamRules.All, new ProtectionRule(),
            .. AthenaStatementRules.All, .. ServiceLimitRules.All, .. ServiceWiringRules.All, .. RetryRules.All, new CreationOrderRule()];

    /// <summary>Findings accepted on purpose: each with its reason, tested like the rules.</summary>
    public static IReadOnlyList<Suppression> Suppressions { get; } =
    [
        new("S3-2-kms-default-encryption", "access-logs-bucket",
            "S3 server access logs can only be delivered to a bucket encrypted with SSE-S3 (AWS documents that KMS on the target bucket is not supported); it holds request logs, not data", []),
        new("ATH-1-workgroup", "s3-tables-writes-workgroup",
            "Athena runs no INSERT, UPDATE, DELETE or MERGE on S3 Tables from a workgroup with SSE-KMS or CSE-KMS results (Athena: Register S3 table bucket catalogs); the tables keep their KMS encryption and a merge's results hold no rows", ["prod"]),
    ];

    public static PolicyVerdict Evaluate(PulumiProgram program, string stack, bool production)
    {
        var view = new ProgramView(program, stack, production);
        var findings = Rules.SelectMany(rule => rule.Check(view)).ToList();
        var suppressed = findings.Where(f => Suppressions.Any(s => s.Covers(f, stack))).ToList();
        return new PolicyVerdict(stack, [.. findings.Except(suppressed)], suppressed);
    }
}

/// <summary>The findings of one stack: those that fail it, and those accepted with a reason.</summary>
public sealed record PolicyVerdict(string Stack, IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Suppressed)
{
    public bool Passed => Findings.Count == 0;
}
