using Infra.Model.Inputs;
using Infra.Platform.Configuration;
using Infra.Providers.Aws.Index;

namespace Infra.Platform.Aws;

/// <summary>
/// The AWS partition a region belongs to: it starts every ARN and names the services' endpoints.
/// The platform supports the commercial and GovCloud (US) partitions, whose service principals
/// and endpoint suffix are the same; others are refused by name.
/// </summary>
public sealed record AwsPartition(string Name, string DnsSuffix)
{
    public static readonly AwsPartition Commercial = new("aws", "amazonaws.com");
    public static readonly AwsPartition GovCloud = new("aws-us-gov", "amazonaws.com");

    /// <summary>The partition of a region the pinned provider knows; any other region is a config error.</summary>
    public static AwsPartition Of(string region)
    {
        if (StringEnum.Find<Region>(region) is null)
        {
            throw new ConfigError(
                $"{ConfigKeys.Region} '{region}' is not a region the pinned aws provider knows; known regions are {string.Join(", ", StringEnum.Members<Region>().Select(r => r.Name))}");
        }
        if (region.StartsWith("us-gov-", StringComparison.Ordinal))
        {
            return GovCloud;
        }
        if (region.StartsWith("cn-", StringComparison.Ordinal) || region.Contains("-iso", StringComparison.Ordinal) || region.StartsWith("eusc-", StringComparison.Ordinal))
        {
            throw new ConfigError(
                $"{ConfigKeys.Region} '{region}' is in a partition this platform does not support (its service principals and endpoints differ); use a commercial or GovCloud (US) region");
        }
        return Commercial;
    }

    /// <summary>The principal of an AWS service in trust and resource policies, e.g. <c>lambda.amazonaws.com</c>.</summary>
    public string ServicePrincipal(string service) => $"{service}.{DnsSuffix}";

    /// <summary>The regional endpoint name used by <c>kms:ViaService</c>, e.g. <c>s3.eu-west-1.amazonaws.com</c>.</summary>
    public string ServiceEndpoint(string service, string region) => $"{service}.{region}.{DnsSuffix}";
}
