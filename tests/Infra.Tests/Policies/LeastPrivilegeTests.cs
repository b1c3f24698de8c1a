using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Iam;
using Infra.Platform.Profiles;
using Infra.Policy;
using Infra.Tests.Support;

namespace Infra.Tests.Policies;

/// <summary>
/// Least privilege has one home: the policy pack's IAM rules (no wildcard actions, no <c>*</c> resources but for actions
/// without resource-level permissions) and, the other way round, the access proof's report of permissions no declared
/// call uses. These tests hold every stack to the rules and show what the rules let through and what they catch.
/// </summary>
public class LeastPrivilegeTests
{
    private static readonly string[] IamRules = ["IAM-1-no-wildcard-actions", "IAM-2-no-wildcard-resources"];

    private static IReadOnlyList<string> Violations(PulumiProgram program) =>
        [.. Infra.Policy.PolicyPack.Evaluate(program, "fixture", production: false).Findings.Where(f => IamRules.Contains(f.Rule)).Select(f => $"{f.Rule} {f.Resource}: {f.Problem}")];

    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void EveryStack_AllowsNoWildcardActionOrResource(string stack)
    {
        Assert.Empty(Violations(PlatformProgram.Build(Stacks.Settings(stack))));
    }

    [Fact]
    public void Rule_CatchesWildcardActionsAndResources_ButNotDenies()
    {
        var program = new PulumiProgram("p");
        program.Add(new Resource("too-wide", "aws:iam:RolePolicy", new MapValue
        {
            ["role"] = "r",
            ["policy"] = new PolicyDocument(
            [
                new PolicyStatement { Sid = "Everything", Effect = PolicyEffect.Allow, Actions = ["s3:*"], Resources = ["arn:aws:s3:::b/*"] },
                new PolicyStatement { Sid = "Anywhere", Effect = PolicyEffect.Allow, Actions = ["s3:GetObject"], Resources = ["*"] },
                new PolicyStatement { Sid = "DenyIsFine", Effect = PolicyEffect.Deny, Principal = "*", Actions = ["s3:*"], Resources = ["*"] },
            ]).ToJson(),
        }));

        Assert.Equal(
        [
            "IAM-1-no-wildcard-actions too-wide: allows 's3:*'",
            "IAM-2-no-wildcard-resources too-wide: allows s3:GetObject on every resource",
        ], Violations(program));
    }

    [Fact]
    public void Rule_InAKeyPolicy_AllowsTheKeyAsStar_AndKmsStarOnlyForTheAccountRoot()
    {
        var program = new PulumiProgram("p");
        program.Add(new Resource("key", "aws:kms:Key", new MapValue
        {
            ["policy"] = new PolicyDocument(
            [
                new PolicyStatement
                {
                    Sid = "Root", Effect = PolicyEffect.Allow, Principal = new MapValue { ["AWS"] = "arn:aws:iam::123456789012:root" },
                    Actions = ["kms:*"], Resources = ["*"],
                },
                new PolicyStatement
                {
                    Sid = "SomeRole", Effect = PolicyEffect.Allow, Principal = new MapValue { ["AWS"] = "arn:aws:iam::123456789012:role/app" },
                    Actions = ["kms:*"], Resources = ["*"],
                },
                new PolicyStatement
                {
                    Sid = "Logs", Effect = PolicyEffect.Allow, Principal = new MapValue { ["Service"] = "logs.eu-west-1.amazonaws.com" },
                    Actions = ["kms:GenerateDataKey*"], Resources = ["*"],
                },
            ]).ToJson(),
        }));

        Assert.Equal(
        [
            "IAM-1-no-wildcard-actions key: allows 'kms:*'",
            "IAM-1-no-wildcard-actions key: allows 'kms:GenerateDataKey*'",
        ], Violations(program));
    }
}
