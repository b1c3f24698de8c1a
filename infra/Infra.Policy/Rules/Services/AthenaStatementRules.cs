using Infra.Model.Resources;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules.Services;

/// <summary>A documented Athena rule over the statements the program sends and the workgroups they run in.</summary>
public sealed class StatementRule(string id, string requires, string fix, string source, Func<ProgramView, AthenaStatement, string?> problem) : PolicyRule
{
    public override string Id => id;
    public override string Requires => requires;
    public override string Fix => fix;
    public override string? Source => source;

    public override IEnumerable<Finding> Check(ProgramView program) =>
        AthenaStatements.Of(program).Select(statement => (statement, problem: problem(program, statement)))
            .Where(x => x.problem is not null).Select(x => Broken(x.statement.Resource, x.problem!));
}

/// <summary>What Athena refuses at run time, read from the statements and their workgroups.</summary>
public static class AthenaStatementRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new StatementRule("ATH-4-ctas-location", "no CTAS names external_location in a workgroup that enforces its configuration",
            "run the CTAS in a workgroup that does not override client-side settings (with a minimum encryption)",
            "Athena User Guide: Troubleshoot workgroup errors",
            (_, s) => s.Verb == "CREATE TABLE" && s.Sql.Contains("external_location", StringComparison.OrdinalIgnoreCase) && s.Workgroup is { } wg
                && IsTrue(wg, "configuration.enforceWorkgroupConfiguration") ? $"CTAS into {s.Target} with external_location in enforcing workgroup {wg.Name}" : null),
        new StatementRule("ATH-5-s3-tables-writes", "no INSERT, UPDATE, DELETE or MERGE into S3 Tables runs from a workgroup with SSE-KMS or CSE-KMS results",
            "run writes to S3 Tables in a workgroup whose results are SSE_S3",
            "Athena User Guide: Register S3 table bucket catalogs and query Tables from Athena",
            (_, s) => s.Verb is "INSERT" or "UPDATE" or "DELETE" or "MERGE" && s.TargetsS3Tables && s.Workgroup is { } wg
                && Text(wg, "configuration.resultConfiguration.encryptionConfiguration.encryptionOption") is "SSE_KMS" or "CSE_KMS"
                ? $"{s.Verb} into {s.Target} from workgroup {wg.Name}, whose results are KMS-encrypted" : null),
        new StatementRule("ATH-6-dml-on-iceberg", "MERGE, UPDATE and DELETE write only Iceberg tables",
            "declare the target as an Iceberg table (Glue openTableFormatInput.icebergInput, or an S3 Tables table)",
            "Athena User Guide: MERGE INTO, UPDATE and DELETE (supported only for Apache Iceberg tables)",
            (p, s) => s.Verb is "MERGE" or "UPDATE" or "DELETE" && !s.TargetsS3Tables && s.Target is { } target && !IsIcebergTable(p, target)
                ? $"{s.Verb} into {target}, which the program does not declare as an Iceberg table" : null),
        new StatementRule("ATH-7-no-views-in-s3-tables", "no view is created in an S3 Tables catalog",
            "create the view in a Glue database of the stack, reading the S3 Tables table",
            "Athena User Guide: Register S3 table bucket catalogs and query Tables from Athena (CREATE VIEW is not supported)",
            (_, s) => s.Verb == "CREATE VIEW" && s.TargetsS3Tables ? $"view {s.Target} in an S3 Tables catalog" : null),
        new StatementRule("ATH-8-workgroup-of-the-stack", "every statement the stack sends runs in a workgroup the stack declares (with its results location and encryption)",
            "name the stack's workgroup resource in the task or named query",
            "Athena User Guide: Specify a query result location (a query without one fails)",
            (_, s) => s.Workgroup is null ? "runs in no workgroup of the stack (no results location or encryption of its own)" : null),
    ];

    /// <summary>Whether <c>db.table</c> is a Glue catalog table of the program declared as Iceberg.</summary>
    private static bool IsIcebergTable(ProgramView program, string target)
    {
        var parts = target.Split('.');
        if (parts.Length != 2)
        {
            return false;
        }
        return program.OfType("aws:glue:CatalogTable").Any(table => Text(table, "name") == parts[1]
            && DatabaseName(program, table) == parts[0]
            && (IsSet(table, "openTableFormatInput.icebergInput") || Text(table, "parameters.table_type")?.Equals("ICEBERG", StringComparison.OrdinalIgnoreCase) == true));
    }

    private static string? DatabaseName(ProgramView program, Resource table) => Input(table, "databaseName") switch
    {
        Infra.Model.Values.Text text => text.Content,
        Infra.Model.Values.Reference reference => program.Resources.FirstOrDefault(r => r.Name == reference.Root) is { } database ? Text(database, "name") : null,
        _ => null,
    };
}
