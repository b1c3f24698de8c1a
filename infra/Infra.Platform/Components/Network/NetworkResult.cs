using Infra.Model.Values;
using Infra.Platform.Components.Functions;

namespace Infra.Platform.Components.Network;

/// <param name="VpcId">The VPC.</param>
/// <param name="SubnetIds">The private subnets, one per availability zone, as a list value.</param>
/// <param name="FunctionSecurityGroupId">The group functions inside the VPC run in: no ingress; egress only to what the components open.</param>
public sealed record NetworkResult(Reference VpcId, ListValue SubnetIds, Reference FunctionSecurityGroupId)
{
    /// <summary>Where a function inside the VPC runs.</summary>
    public FunctionNetwork ForFunctions() => new(SubnetIds, new ListValue { FunctionSecurityGroupId });
}
