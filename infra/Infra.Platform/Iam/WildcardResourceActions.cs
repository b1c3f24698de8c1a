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

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        PutTraceSegments, PutTelemetryRecords, DescribeNetworkInterfaces, DescribeSubnets,
    };
}
