using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules;

/// <summary>Databases, Athena, functions and stream sources as the auditors' packs require them.</summary>
public static class ServiceRules
{
    private static readonly string[] DefaultAdmins = ["admin", "root", "postgres", "master", "sa"];

    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule("RDS-1-encrypted", "every database is encrypted at rest", "set storageEncrypted: true and kmsKeyId", ["aws:rds:Instance"],
            (_, db) => IsTrue(db, "storageEncrypted") ? null : "storage is not encrypted"),
        new ResourceRule("RDS-2-private", "no database is publicly accessible", "set publiclyAccessible: false", ["aws:rds:Instance"],
            (_, db) => Input(db, "publiclyAccessible") is Bool { Content: false } ? null : "the database may be publicly accessible"),
        new ResourceRule("RDS-3-backups", "every database keeps automated backups", "set backupRetentionPeriod to 1 or more days", ["aws:rds:Instance"],
            (_, db) => Input(db, "backupRetentionPeriod") is Integer { Content: > 0 } ? null : "automated backups are off"),
        new ResourceRule("RDS-4-prod-protection", "a production database has deletion protection and multi-AZ", "set deletionProtection and multiAz in prod", ["aws:rds:Instance"],
            (p, db) => !p.Production || (IsTrue(db, "deletionProtection") && IsTrue(db, "multiAz")) ? null : "prod database without deletion protection or multi-AZ"),
        new ResourceRule("RDS-5-credentials", "a database uses IAM authentication or a managed password", "set iamDatabaseAuthenticationEnabled or manageMasterUserPassword", ["aws:rds:Instance"],
            (_, db) => IsTrue(db, "iamDatabaseAuthenticationEnabled") || IsTrue(db, "manageMasterUserPassword") ? null : "neither IAM authentication nor a managed password"),
        new ResourceRule("RDS-6-admin-name", "no database uses a default admin user name", "choose a user name of your own", ["aws:rds:Instance"],
            (_, db) => Text(db, "username") is { } user && !DefaultAdmins.Contains(user, StringComparer.OrdinalIgnoreCase) ? null : $"the admin user is a default name ('{Text(db, "username")}')"),
        new ResourceRule("ATH-1-workgroup", "every workgroup keeps its results KMS-encrypted (enforced, or as the minimum where queries choose their own settings) and bounds the bytes a query scans",
            "set SSE_KMS results with enforceWorkgroupConfiguration or enableMinimumEncryptionConfiguration, and bytesScannedCutoffPerQuery", ["aws:athena:Workgroup"],
            (_, wg) => (IsTrue(wg, "configuration.enforceWorkgroupConfiguration") || IsTrue(wg, "configuration.enableMinimumEncryptionConfiguration"))
                && Text(wg, "configuration.resultConfiguration.encryptionConfiguration.encryptionOption") is "SSE_KMS" or "CSE_KMS"
                && Input(wg, "configuration.bytesScannedCutoffPerQuery") is Integer { Content: > 0 } ? null : "results may be unencrypted or queries unbounded"),
        new ResourceRule("LAM-1-runtime", "every function runs on a current runtime", "use provided.al2023 (or a current managed runtime)", ["aws:lambda:Function"],
            (_, fn) => Text(fn, "runtime") is "provided.al2023" or "python3.13" or "nodejs22.x" or "dotnet8" or "java21" ? null : $"runtime '{Text(fn, "runtime")}' is not current"),
        new ResourceRule("LAM-2-tracing", "every function has active tracing", "set tracingConfig.mode: Active", ["aws:lambda:Function"],
            (_, fn) => Text(fn, "tracingConfig.mode") == "Active" ? null : "tracing is off"),
        new ResourceRule("LAM-3-log-group", "every function logs to a log group with retention and a key", "create the function's log group with retentionInDays and kmsKeyId, and point loggingConfig.logGroup at it", ["aws:lambda:Function"],
            (p, fn) => Input(fn, "loggingConfig.logGroup") is Reference group && p.Resources.FirstOrDefault(r => r.Name == group.Root) is { } logs
                && IsSet(logs, "retentionInDays") && IsSet(logs, "kmsKeyId") ? null : "its logs have no retention or key"),
        new ResourceRule("LAM-4-stream-failures", "every stream source sends what it gives up on to a destination", "set destinationConfig.onFailure on the event source mapping", ["aws:lambda:EventSourceMapping"],
            (_, mapping) => IsSet(mapping, "destinationConfig.onFailure.destinationArn") ? null : "failed batches are dropped"),
        new ResourceRule("LOG-1-log-group", "every log group has a retention and a key", "set retentionInDays and kmsKeyId", ["aws:cloudwatch:LogGroup"],
            (_, logs) => IsSet(logs, "retentionInDays") && IsSet(logs, "kmsKeyId") ? null : "logs are kept forever or unencrypted"),
    ];
}
