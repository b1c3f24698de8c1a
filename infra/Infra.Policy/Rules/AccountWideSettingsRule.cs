namespace Infra.Policy.Rules;

/// <summary>
/// What AWS keeps once per account and region is set by the account stack alone: two stacks that set it overwrite
/// each other, and destroying either resets it for both.
/// </summary>
public sealed class AccountWideSettingsRule : PolicyRule
{
    /// <summary>Resource types whose instance is the account's (and region's) one setting, with the page that says so.</summary>
    public static readonly IReadOnlyDictionary<string, string> OncePerAccount = new Dictionary<string, string>
    {
        ["aws:glue:DataCatalogEncryptionSettings"] = "AWS Glue Developer Guide: Encrypting your Data Catalog (one setting per catalog, that is per account and region)",
        ["aws:glue:ResourcePolicy"] = "AWS Glue Developer Guide: Resource-based policies for AWS Glue (one policy per catalog)",
        ["aws:lakeformation:DataLakeSettings"] = "Lake Formation API: PutDataLakeSettings (one set of settings per catalog; a put replaces them)",
        ["aws:s3:AccountPublicAccessBlock"] = "Amazon S3 User Guide: Blocking public access (account-level settings)",
        ["aws:ebs:EncryptionByDefault"] = "Amazon EBS User Guide: Encryption by default (per account and region)",
        ["aws:ebs:DefaultKmsKey"] = "Amazon EBS User Guide: Encryption by default (per account and region)",
        ["aws:apigateway:Account"] = "API Gateway Developer Guide: CloudWatch logging role (one per account and region)",
        ["aws:iam:AccountPasswordPolicy"] = "IAM User Guide: Setting an account password policy",
        ["aws:iam:AccountAlias"] = "IAM User Guide: Your AWS account ID and its alias (one alias per account)",
    };

    public override string Id => "ACC-1-account-wide-settings";
    public override string Requires => $"only the account stack ('{Platform.Components.Account.AccountWide.Stack}') sets what AWS keeps once per account and region";
    public override string Fix => "move the setting to the account stack; other stacks read it";
    public override string? Source => string.Join("; ", OncePerAccount.Values.Distinct());

    public override IEnumerable<Finding> Check(ProgramView program) =>
        program.Stack == Platform.Components.Account.AccountWide.Stack ? []
        : program.OfType([.. OncePerAccount.Keys]).Select(setting => Broken(setting.Name, $"{setting.Type} is one per account: stack '{program.Stack}' would overwrite the account stack's, and reset it when destroyed"));
}
