namespace Infra.Policy.Rules;

/// <summary>
/// In production, every data store, and every resource whose loss breaks its consumers (the catalog's
/// databases, tables and encryption settings, the workgroups, the notification topic, the parameters), is
/// protected from deletion and kept when it leaves the stack.
/// </summary>
public sealed class ProtectionRule : PolicyRule
{
    public static readonly IReadOnlyList<string> DataStores =
        ["aws:s3:Bucket", "aws:kinesis:Stream", "aws:rds:Instance", "aws:kms:Key", "aws:sqs:Queue", "aws:s3tables:TableBucket", "aws:s3tables:Table", "aws:dynamodb:Table",
            "aws:glue:CatalogDatabase", "aws:glue:CatalogTable", "aws:glue:DataCatalogEncryptionSettings", "aws:lakeformation:DataLakeSettings", "aws:athena:Workgroup", "aws:sns:Topic", "aws:ssm:Parameter"];

    public override string Id => "PROD-1-data-retained";
    public override string Requires => "in prod every data store and every resource consumers rely on is protected and retained on delete";
    public override string Fix => "create it with the platform's data options (protect and retainOnDelete in prod)";

    public override IEnumerable<Finding> Check(ProgramView program) =>
        !program.Production ? []
        : program.OfType([.. DataStores]).Where(r => r.Options.Protect != true || r.Options.RetainOnDelete != true)
            .Select(r => Broken(r.Name, "a production data store can be deleted with the stack"));
}
