using Infra.Model.Inputs;
using Infra.Model.Values;
using Infra.Providers.Aws.Ec2;
using Infra.Providers.Aws.Vpc;

namespace Infra.Platform.Components.Network;

/// <summary>
/// A VPC with two private subnets (two availability zones), one route table with no route out, an S3
/// gateway endpoint, the interface endpoints the settings name, and a security group for functions whose
/// only egress is HTTPS to those endpoints and to S3 (further egress is opened by the component that needs it).
/// </summary>
public static class PrivateNetwork
{
    public const int Zones = 2;
    public const int Https = 443;
    public const string AvailabilityZonesFunction = "aws:index/getAvailabilityZones:getAvailabilityZones";

    public static NetworkResult Create(PlatformContext context, PrivateNetworkSettings settings)
    {
        var scope = context.Scope(nameof(PrivateNetwork));
        var vpc = scope.Add("vpc", new VpcArgs
        {
            CidrBlock = settings.CidrBlock,
            EnableDnsSupport = true,
            EnableDnsHostnames = true,
            Tags = Named(context, "vpc"),
        });
        var zones = context.Program.AddVariable("availabilityZones",
            Fn.Invoke(AvailabilityZonesFunction, new MapValue { ["state"] = "available" }, returnField: "names", provider: context.Provider));
        var routes = scope.Add("private-routes", new RouteTableArgs { VpcId = vpc.Attr("id"), Tags = Named(context, "private") });
        var subnetIds = new ListValue();
        for (var zone = 0; zone < Zones; zone++)
        {
            var subnet = scope.Add($"private-subnet-{zone + 1}", new SubnetArgs
            {
                VpcId = vpc.Attr("id"),
                CidrBlock = SubnetCidr(settings.CidrBlock, zone),
                AvailabilityZone = Fn.Select(zone, zones),
                MapPublicIpOnLaunch = false,
                Tags = Named(context, $"private-{zone + 1}"),
            });
            scope.Add($"private-subnet-{zone + 1}-routes", new RouteTableAssociationArgs { RouteTableId = routes.Attr("id"), SubnetId = subnet.Attr("id") });
            subnetIds.Add(subnet.Attr("id"));
        }

        var functions = scope.Add("functions-sg", new SecurityGroupArgs
        {
            Name = context.Name("functions"),
            Description = "Functions inside the VPC: no ingress; egress opened per destination",
            VpcId = vpc.Attr("id"),
        });
        var s3 = scope.Add("s3-gateway", new VpcEndpointArgs
        {
            VpcId = vpc.Attr("id"),
            ServiceName = EndpointService(context, "s3"),
            VpcEndpointType = "Gateway",
            RouteTableIds = [routes.Attr("id")],
            Tags = Named(context, "s3"),
        });
        scope.Add("functions-to-s3", new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = functions.Attr("id"),
            IpProtocol = "tcp",
            FromPort = Https,
            ToPort = Https,
            PrefixListId = s3.Attr("prefixListId"),
            Description = "HTTPS to S3 through the gateway endpoint",
        });

        if (settings.InterfaceEndpoints.Count > 0)
        {
            var endpoints = scope.Add("endpoints-sg", new SecurityGroupArgs
            {
                Name = context.Name("endpoints"),
                Description = "Interface endpoints: HTTPS from the functions' group only",
                VpcId = vpc.Attr("id"),
            });
            scope.Add("endpoints-from-functions", new SecurityGroupIngressRuleArgs
            {
                SecurityGroupId = endpoints.Attr("id"),
                IpProtocol = "tcp",
                FromPort = Https,
                ToPort = Https,
                ReferencedSecurityGroupId = functions.Attr("id"),
                Description = "HTTPS from functions",
            });
            scope.Add("functions-to-endpoints", new SecurityGroupEgressRuleArgs
            {
                SecurityGroupId = functions.Attr("id"),
                IpProtocol = "tcp",
                FromPort = Https,
                ToPort = Https,
                ReferencedSecurityGroupId = endpoints.Attr("id"),
                Description = "HTTPS to the interface endpoints",
            });
            foreach (var service in settings.InterfaceEndpoints)
            {
                scope.Add($"{service}-endpoint", new VpcEndpointArgs
                {
                    VpcId = vpc.Attr("id"),
                    ServiceName = EndpointService(context, service),
                    VpcEndpointType = "Interface",
                    PrivateDnsEnabled = true,
                    SubnetIds = subnetIds,
                    SecurityGroupIds = [endpoints.Attr("id")],
                    Tags = Named(context, service),
                });
            }
        }
        context.Output(vpc.Attr("id"), "VpcId");
        return new NetworkResult(vpc.Attr("id"), subnetIds, functions.Attr("id"));
    }

    /// <summary>The <paramref name="index"/>-th /20 of a /16 (the VPC's range must be a /16).</summary>
    public static string SubnetCidr(string vpcCidr, int index)
    {
        var parts = vpcCidr.Split('/');
        var octets = parts[0].Split('.');
        if (parts is not [_, "16"] || octets.Length != 4)
        {
            throw new Infra.Model.SynthesisException($"the VPC range must be a /16 such as 10.40.0.0/16, not '{vpcCidr}'");
        }
        return $"{octets[0]}.{octets[1]}.{index * 16}.0/20";
    }

    public static string EndpointService(PlatformContext context, string service) => $"com.amazonaws.{context.Region}.{service}";

    private static InputMap<string> Named(PlatformContext context, string name) => new() { { "Name", context.Name(name) } };
}
