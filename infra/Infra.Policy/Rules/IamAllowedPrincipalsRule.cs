using Infra.Model.Resources;
using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules;

/// <summary>
/// IAMAllowedPrincipals (Lake Formation's stand-in for "whatever IAM allows") is never an account default and never
/// granted in a stack that governs its lake with Lake Formation. A stack that does not use Lake Formation may leave
/// only its own databases to IAM: ALL on the database, and as the default of the tables created in it — nothing finer.
/// </summary>
public sealed class IamAllowedPrincipalsRule : PolicyRule
{
    private const string Group = "IAM_ALLOWED_PRINCIPALS";

    public override string Id => "LF-1-no-iam-allowed-principals";
    public override string Requires => "no account default and no grant in a governed stack goes to IAMAllowedPrincipals; a stack without Lake Formation leaves only its own databases to IAM";
    public override string Fix => "grant named principals; keep the data lake defaults empty; leave to IAM only whole databases of a stack that does not use Lake Formation";

    public override IEnumerable<Finding> Check(ProgramView program)
    {
        var governed = program.OfType("aws:lakeformation:Resource", "aws-native:lakeformation:PrincipalPermissions", "aws-native:lakeformation:TagAssociation").Any();
        foreach (var resource in program.OfType("aws:lakeformation:DataLakeSettings", "aws-native:lakeformation:PrincipalPermissions", "aws:lakeformation:Permissions", "aws:glue:CatalogDatabase"))
        {
            if (!Mentions(resource.Properties, Group))
            {
                continue;
            }
            if (resource.Type is "aws:lakeformation:DataLakeSettings" or "aws-native:lakeformation:PrincipalPermissions")
            {
                yield return Broken(resource.Name, "IAMAllowedPrincipals is an account default or granted through Lake Formation's own grants");
            }
            else if (governed)
            {
                yield return Broken(resource.Name, "the stack governs its lake with Lake Formation, yet leaves this to IAMAllowedPrincipals");
            }
            else if (resource.Type == "aws:lakeformation:Permissions" && !IsWholeDatabaseOfThisStack(program, resource))
            {
                yield return Broken(resource.Name, "IAMAllowedPrincipals is granted on something other than a whole database of this stack");
            }
        }
    }

    private static bool IsWholeDatabaseOfThisStack(ProgramView program, Resource grant) =>
        Input(grant, "database.name") is Reference database && program.OfType("aws:glue:CatalogDatabase").Any(d => d.Name == database.Root)
        && Input(grant, "table") is null && Input(grant, "tableWithColumns") is null && Input(grant, "lfTagPolicy") is null
        && Input(grant, "dataLocation") is null && Input(grant, "catalogResource") is null;

    private static bool Mentions(Value value, string text) => value switch
    {
        Text t => t.Content.Contains(text, StringComparison.Ordinal),
        MapValue map => map.Entries.Any(entry => Mentions(entry.Value, text)),
        ListValue list => list.Items.Any(item => Mentions(item, text)),
        _ => false,
    };
}
