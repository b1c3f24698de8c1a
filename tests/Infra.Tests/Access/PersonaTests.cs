using Infra.Model.Values;
using Infra.Platform.Components.Governance;
using Infra.Platform.Configuration;
using Infra.Platform.Profiles;
using Infra.Policy;
using Infra.Policy.Access;
using Infra.Tests.Support;

namespace Infra.Tests.Access;

/// <summary>The analyst and data-engineer roles of a governed stack, and the account's lake-admin role, do their jobs end to end and trust only the principals their stack names.</summary>
public class PersonaTests
{
    public static readonly TheoryData<string> LakeStacks = new(["course3", "dev", "prod"]);

    private static MapValue Trust(Synthesis synthesis, Persona persona) =>
        Assert.Single(ProgramView.Statements(synthesis.Program.Resources.Single(r => r.Name == $"{persona.Name}-role"), "assumeRolePolicy"));

    [Theory]
    [MemberData(nameof(LakeStacks))]
    public void Each_persona_trusts_its_identity_center_permission_set_through_the_account_by_default(string stack)
    {
        var synthesis = PlatformProgram.Synthesize(Stacks.Settings(stack));

        foreach (var persona in Persona.OfAStack)
        {
            var statement = Infra.Policy.Access.Statement.Parse(Trust(synthesis, persona));
            Assert.Equal(["arn:aws:iam::${accountId}:root"], statement.Principals);
            var condition = Assert.Single(statement.Conditions);
            Assert.Equal(("ArnLike", "aws:PrincipalArn"), (condition.Operator, condition.Key));
            Assert.Equal([$"arn:aws:iam::${{accountId}}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_{persona.PermissionSet}_*"], condition.Values);
        }
    }

    [Fact]
    public void A_principal_named_in_the_stack_config_is_the_one_trusted_and_a_malformed_one_is_refused()
    {
        const string Learner = "arn:aws:iam::123456789012:role/learner";
        var config = StackConfig.FromJson($$"""{"aws:region":"eu-west-1","dataplatform:environment":"course","dataplatform:course":"course3","dataplatform:owner":"me","dataplatform:analystPrincipal":"{{Learner}}"}""");
        var synthesis = PlatformProgram.Synthesize(StackSettings.Resolve("course3", ConfigKeys.Project, "organization", config));

        Assert.Equal([Learner], Assert.Single(Infra.Policy.Access.Statement.Parse(Trust(synthesis, Persona.Analyst)).Conditions).Values);
        Assert.Contains("AWSReservedSSO_DataPlatformEngineer_*", Assert.Single(Infra.Policy.Access.Statement.Parse(Trust(synthesis, Persona.DataEngineer)).Conditions).Values[0]);

        var bad = StackConfig.FromJson("""{"aws:region":"eu-west-1","dataplatform:environment":"account","dataplatform:owner":"me","dataplatform:lakeAdminPrincipal":"*"}""");
        var error = Assert.Throws<ConfigError>(() => StackSettings.Resolve("account", ConfigKeys.Project, "organization", bad));
        Assert.Contains("dataplatform:lakeAdminPrincipal '*' is not an IAM role ARN", error.Message);

        var misplaced = StackConfig.FromJson($$"""{"aws:region":"eu-west-1","dataplatform:environment":"course","dataplatform:course":"course3","dataplatform:owner":"me","dataplatform:lakeAdminPrincipal":"{{Learner}}"}""");
        error = Assert.Throws<ConfigError>(() => StackSettings.Resolve("course3", ConfigKeys.Project, "organization", misplaced));
        Assert.Contains("dataplatform:lakeAdminPrincipal belongs to the account stack", error.Message);
    }

    [Fact]
    public void The_accounts_lake_admin_trusts_its_permission_set_or_the_named_role_and_administers_the_lake()
    {
        var synthesis = PlatformProgram.Synthesize(Stacks.Settings("account"));
        var statement = Infra.Policy.Access.Statement.Parse(Trust(synthesis, Persona.LakeAdmin));
        Assert.Equal([$"arn:aws:iam::${{accountId}}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_{Persona.LakeAdmin.PermissionSet}_*"], Assert.Single(statement.Conditions).Values);

        const string Admins = "arn:aws:iam::123456789012:role/platform-admins";
        var config = StackConfig.FromJson($$"""{"aws:region":"eu-west-1","dataplatform:environment":"account","dataplatform:owner":"me","dataplatform:lakeAdminPrincipal":"{{Admins}}"}""");
        var named = PlatformProgram.Synthesize(StackSettings.Resolve("account", ConfigKeys.Project, "organization", config));
        Assert.Equal([Admins], Assert.Single(Infra.Policy.Access.Statement.Parse(Trust(named, Persona.LakeAdmin)).Conditions).Values);

        var admin = StackProof.Of("account").Decisions.Where(d => d.Actor.Name == Persona.LakeAdmin.Name).ToList();
        Assert.Contains(admin, d => d.Call.Describe().StartsWith("lakeformation:GrantPermissions", StringComparison.Ordinal));
        Assert.All(admin, d => Assert.True(d.Allowed, string.Join("; ", d.Denials)));
        var without = StackProof.Without("account", r => r.Name == $"{Persona.LakeAdmin.Name}-permissions").Decisions.Where(d => d.Actor.Name == Persona.LakeAdmin.Name);
        Assert.All(without, d => Assert.False(d.Allowed));
    }

    [Theory]
    [MemberData(nameof(LakeStacks))]
    public void The_analyst_runs_a_gold_named_query_in_the_workgroup_and_reads_its_result(string stack)
    {
        var report = StackProof.Of(stack);
        var analyst = report.Decisions.Where(d => d.Actor.Name == Persona.Analyst.Name).ToList();

        Assert.All(analyst, d => Assert.True(d.Allowed, string.Join("; ", d.Denials)));
        var calls = analyst.Select(d => d.Call.Describe()).ToList();
        Assert.Contains(calls, c => c.StartsWith("athena:GetNamedQuery on ", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("athena:StartQueryExecution on ", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("athena:GetQueryResults on ", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("s3:GetObject on ${athena-results-bucket.arn}/results/", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("read table dataplatform_", StringComparison.Ordinal) && c.Contains("_gold.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LakeStacks))]
    public void With_only_lake_formation_data_access_as_before_the_personas_can_do_nothing_of_their_job(string stack)
    {
        var report = StackProof.Without(stack, r => Persona.OfAStack.Any(p => r.Name == $"{p.Name}-permissions"));

        foreach (var persona in Persona.OfAStack)
        {
            Assert.Contains(report.Decisions, d => d.Actor.Name == persona.Name && d.Denials.Any(denial => denial.Layer == "identity policy"));
        }
    }
}
