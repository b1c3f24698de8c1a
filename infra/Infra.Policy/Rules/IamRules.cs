using Infra.Model.Values;
using Infra.Platform.Iam;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules;

/// <summary>Least privilege in every policy document the program passes to AWS, and scoped trust.</summary>
public sealed class IamRules
{
    private static readonly string[] AdminPolicies = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];

    public static IEnumerable<PolicyRule> All => [new NoWildcardActions(), new NoWildcardResources(), new NoAdminPolicies(), new ScopedTrust()];

    private static IEnumerable<(Infra.Model.Resources.Resource Resource, MapValue Statement)> Allows(ProgramView program, string input) =>
        program.Resources.SelectMany(r => Statements(r, input).Where(s => s.TryGet("Effect", out var e) && e is Text { Content: "Allow" }).Select(s => (r, s)));

    private static bool IsAccountRoot(MapValue statement) =>
        statement.TryGet("Principal", out var principal) && principal is MapValue map && map.TryGet("AWS", out var aws) && Describe(aws).EndsWith(":root", StringComparison.Ordinal);

    private sealed class NoWildcardActions : PolicyRule
    {
        public override string Id => "IAM-1-no-wildcard-actions";
        public override string Requires => "no Allow grants a wildcard action (a key policy's account-root statement excepted)";
        public override string Fix => "list the actions the principal uses";

        public override IEnumerable<Finding> Check(ProgramView program) =>
            Allows(program, "policy").Where(x => !(x.Resource.Type == "aws:kms:Key" && IsAccountRoot(x.Statement)))
                .SelectMany(x => Strings(x.Statement, "Action").Where(a => a.Contains('*', StringComparison.Ordinal)).Select(a => Broken(x.Resource.Name, $"allows '{a}'")));
    }

    private sealed class NoWildcardResources : PolicyRule
    {
        public override string Id => "IAM-2-no-wildcard-resources";
        public override string Requires => "no Allow grants an action on resource '*' unless the action supports no resource-level permission";
        public override string Fix => "name the resources (bucket prefixes, stream, queue ARNs)";

        public override IEnumerable<Finding> Check(ProgramView program) =>
            Allows(program, "policy").Where(x => x.Resource.Type != "aws:kms:Key" && Strings(x.Statement, "Resource").Contains("*")
                    && !Strings(x.Statement, "Action").All(WildcardResourceActions.All.Contains))
                .Select(x => Broken(x.Resource.Name, $"allows {string.Join(", ", Strings(x.Statement, "Action"))} on every resource"));
    }

    private sealed class NoAdminPolicies : PolicyRule
    {
        public override string Id => "IAM-3-no-admin-policies";
        public override string Requires => "no role carries an AWS managed administrator policy";
        public override string Fix => "grant an inline policy with the actions needed";

        public override IEnumerable<Finding> Check(ProgramView program) =>
            program.OfType("aws:iam:Role", "aws:iam:RolePolicyAttachment")
                .Where(r => AdminPolicies.Any(admin => (Input(r, "managedPolicyArns") is ListValue list && list.Items.Any(i => Describe(i).EndsWith("/" + admin, StringComparison.Ordinal)))
                    || (Text(r, "policyArn")?.EndsWith("/" + admin, StringComparison.Ordinal) ?? false)))
                .Select(r => Broken(r.Name, "an AWS managed administrator policy is attached"));
    }

    private sealed class ScopedTrust : PolicyRule
    {
        public override string Id => "IAM-4-scoped-trust";
        public override string Requires => "a role trusts a service only for this account (aws:SourceAccount), or this account's root";
        public override string Fix => "add the aws:SourceAccount condition, or trust the account root instead of '*'";

        public override IEnumerable<Finding> Check(ProgramView program) =>
            Allows(program, "assumeRolePolicy").Where(x => !Scoped(x.Statement)).Select(x => Broken(x.Resource.Name, "the trust policy is not scoped to this account"));

        private static bool Scoped(MapValue statement)
        {
            if (IsAccountRoot(statement))
            {
                return true;
            }
            var service = statement.TryGet("Principal", out var principal) && principal is MapValue map && map.TryGet("Service", out _);
            var sourceAccount = statement.TryGet("Condition", out var condition) && condition is MapValue c && c.Entries.Any(e => e.Value is MapValue keys && keys.TryGet("aws:SourceAccount", out _));
            return service && sourceAccount;
        }
    }
}
