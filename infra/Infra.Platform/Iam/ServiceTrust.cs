using Infra.Model.Values;

namespace Infra.Platform.Iam;

/// <summary>Trust policies for roles an AWS service assumes on the stack's behalf.</summary>
public static class ServiceTrust
{
    /// <summary>Only <paramref name="service"/>, acting for this account, may assume the role (aws:SourceAccount guards against a confused deputy).</summary>
    public static PolicyStatement OfThisAccount(PlatformContext context, string service) => new()
    {
        Sid = PascalCase.Of(service, "OfThisAccountAssumesRole"),
        Effect = PolicyEffect.Allow,
        Principal = new MapValue { ["Service"] = context.Partition.ServicePrincipal(service) },
        Actions = ["sts:AssumeRole"],
        Resources = [],
        Conditions = [("StringEquals", "aws:SourceAccount", context.AccountId)],
    };
}
