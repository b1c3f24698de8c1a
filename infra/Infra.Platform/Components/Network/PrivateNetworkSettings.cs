namespace Infra.Platform.Components.Network;

/// <summary>
/// The stack's private network: a VPC with private subnets in two availability zones and no route
/// to the internet (no NAT: nothing inside needs one, and NAT gateways cost by the hour).
/// </summary>
public sealed record PrivateNetworkSettings
{
    /// <summary>The VPC's range; each private subnet takes one /20 of it.</summary>
    public string CidrBlock { get; init; } = "10.40.0.0/16";

    /// <summary>
    /// The services reached through interface endpoints, one per service (about 7 USD a month per zone each):
    /// only those the functions inside call. S3 is reached through a gateway endpoint at no cost.
    /// </summary>
    public IReadOnlyList<string> InterfaceEndpoints { get; init; } = ["ssm"];
}
