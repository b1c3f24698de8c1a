using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Model.Yaml;
using Infra.Platform.Iam;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Policies;

public class LeastPrivilegeTests
{
    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void EveryStack_AllowsNoWildcardActionOrResource(string stack)
    {
        Assert.Empty(IamPolicyRules.Violations(Stacks.Deploy(stack)));
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

        var violations = IamPolicyRules.Violations(MockDeployment.Run(ProgramWriter.Write(program), new EchoMocks()));

        Assert.Equal(
        [
            "too-wide.policy statement Everything allows wildcard action 's3:*'",
            "too-wide.policy statement Anywhere allows every resource ('*')",
        ], violations);
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

        var violations = IamPolicyRules.Violations(MockDeployment.Run(ProgramWriter.Write(program), new EchoMocks()));

        Assert.Equal(
        [
            "key.policy statement SomeRole allows wildcard action 'kms:*'",
            "key.policy statement Logs allows wildcard action 'kms:GenerateDataKey*'",
        ], violations);
    }
}
