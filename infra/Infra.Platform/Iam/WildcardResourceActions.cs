namespace Infra.Platform.Iam;

/// <summary>
/// Actions that support no resource-level permissions: IAM accepts them only on resource <c>*</c>.
/// The platform grants them with <c>*</c> and the least-privilege rule accepts exactly these.
/// </summary>
public static class WildcardResourceActions
{
    public const string PutTraceSegments = "xray:PutTraceSegments";
    public const string PutTelemetryRecords = "xray:PutTelemetryRecords";
    public const string DescribeNetworkInterfaces = "ec2:DescribeNetworkInterfaces";
    public const string DescribeSubnets = "ec2:DescribeSubnets";

    public const string GetSamplingRules = "xray:GetSamplingRules";

    /// <summary>Granted only with a condition on the metric namespace.</summary>
    public const string PutMetricData = "cloudwatch:PutMetricData";
    public const string GetSamplingTargets = "xray:GetSamplingTargets";

    /// <summary>Lake Formation vends credentials for governed data (S3 Tables through the catalog integration).</summary>
    public const string LakeFormationGetDataAccess = "lakeformation:GetDataAccess";

    /// <summary>What Step Functions needs to deliver a state machine's logs to CloudWatch Logs (resource <c>*</c> only).</summary>
    public static readonly IReadOnlyList<string> LogDelivery =
    [
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
    ];

    /// <summary>What the lake admin persona does in Lake Formation: read the settings, grant, revoke, tag (data lake settings themselves stay with the deployment).</summary>
    public static readonly IReadOnlyList<string> LakeFormationAdministration =
    [
        "lakeformation:GetDataLakeSettings", "lakeformation:GrantPermissions", "lakeformation:RevokePermissions", "lakeformation:BatchGrantPermissions",
        "lakeformation:BatchRevokePermissions", "lakeformation:ListPermissions", "lakeformation:ListResources", "lakeformation:DescribeResource",
        "lakeformation:GetLFTag", "lakeformation:ListLFTags", "lakeformation:GetResourceLFTags", "lakeformation:AddLFTagsToResource",
        "lakeformation:RemoveLFTagsFromResource", "lakeformation:SearchTablesByLFTags", "lakeformation:SearchDatabasesByLFTags",
    ];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(
        [PutTraceSegments, PutTelemetryRecords, DescribeNetworkInterfaces, DescribeSubnets, GetSamplingRules, GetSamplingTargets, LakeFormationGetDataAccess, PutMetricData,
            .. LogDelivery, .. LakeFormationAdministration],
        StringComparer.Ordinal);
}
