using Infra.Model.Resources;
using Infra.Model.Values;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Rules.Services;

/// <summary>
/// An ordering a service requires: each resource of <see cref="Then"/> is created after every resource
/// <see cref="First"/> names for it (through a reference or <c>dependsOn</c>, directly or not).
/// </summary>
public sealed record OrderConstraint(string Says, IReadOnlyList<string> Then, Func<ProgramView, Resource, IEnumerable<Resource>> First, string Source);

/// <summary>Pulumi creates resources in parallel unless one depends on another: what a service needs first must be a dependency.</summary>
public sealed class CreationOrderRule : PolicyRule
{
    public static readonly IReadOnlyList<OrderConstraint> Constraints =
    [
        new("Lake Formation's settings (administrators, empty default permissions) come before the catalog's databases and tables and every grant, tag and registered location",
            ["aws:glue:CatalogDatabase", "aws:glue:CatalogTable", "aws-native:lakeformation:PrincipalPermissions", "aws-native:lakeformation:Tag",
                "aws-native:lakeformation:TagAssociation", "aws:lakeformation:Permissions", "aws:lakeformation:Resource"],
            (p, _) => p.OfType("aws:lakeformation:DataLakeSettings"),
            "Lake Formation Developer Guide: Changing the default settings for your data lake (they apply to databases and tables created afterwards)"),
        new("the catalog's encryption comes before its databases and tables",
            ["aws:glue:CatalogDatabase", "aws:glue:CatalogTable"],
            (p, _) => p.OfType("aws:glue:DataCatalogEncryptionSettings"),
            "AWS Glue Developer Guide: Encrypting your Data Catalog (objects are encrypted when written after encryption is enabled)"),
        new("a location is registered before data location permissions are granted on it",
            ["aws-native:lakeformation:PrincipalPermissions"],
            (p, grant) => Input(grant, "resource.dataLocation.resourceArn") is { } location
                ? p.OfType("aws:lakeformation:Resource").Where(registered => Input(registered, "arn") is { } arn && Describe(arn) == Describe(location))
                : [],
            "Lake Formation Developer Guide: Granting data location permissions (the location must be registered)"),
        new("a role's permissions exist before what acts as the role is created (the services check them on creation)",
            ["aws:lambda:Function", "aws:sfn:StateMachine", "aws:scheduler:Schedule", "aws:kinesis:FirehoseDeliveryStream", "aws:glue:Crawler"],
            (p, actor) => RoleOf(actor) is { } role ? p.OfType("aws:iam:RolePolicy", "aws:iam:RolePolicyAttachment").Where(policy => Input(policy, "role") is Reference r && r.Root == role) : [],
            "Lambda Developer Guide: Lambda execution role; IAM User Guide: Changes that I make are not always immediately visible"),
    ];

    public override string Id => "ORD-1-creation-order";
    public override string Requires => "every ordering a service requires is a dependency of the program";
    public override string Fix => "make the later resource reference or dependsOn the earlier one";
    public override string? Source => string.Join("; ", Constraints.Select(c => c.Source));

    public override IEnumerable<Finding> Check(ProgramView program)
    {
        var dependencies = new Dependencies(program);
        foreach (var constraint in Constraints)
        {
            foreach (var then in program.OfType([.. constraint.Then]))
            {
                foreach (var first in constraint.First(program, then).Where(first => first.Name != then.Name && !dependencies.Reaches(then.Name, first.Name)))
                {
                    yield return Broken(then.Name, $"may be created before {first.Name}: {constraint.Says}");
                }
            }
        }
    }

    private static string? RoleOf(Resource actor) => actor.Type switch
    {
        "aws:lambda:Function" => Root(Input(actor, "role")),
        "aws:sfn:StateMachine" => Root(Input(actor, "roleArn")),
        "aws:scheduler:Schedule" => Root(Input(actor, "target.roleArn")),
        "aws:kinesis:FirehoseDeliveryStream" => Root(Input(actor, "extendedS3Configuration.roleArn")),
        "aws:glue:Crawler" => Root(Input(actor, "role")),
        _ => null,
    };

    private static string? Root(Value? value) => value is Reference reference ? reference.Root : null;
}

/// <summary>Who waits for whom in a program: references in inputs and <c>dependsOn</c>, followed transitively.</summary>
public sealed class Dependencies(ProgramView program)
{
    private readonly Dictionary<string, HashSet<string>> _direct = program.Resources.ToDictionary(r => r.Name, Direct);
    private readonly Dictionary<string, HashSet<string>> _closure = [];

    public bool Reaches(string from, string to) => Closure(from).Contains(to);

    private HashSet<string> Closure(string name)
    {
        if (_closure.TryGetValue(name, out var known))
        {
            return known;
        }
        var seen = new HashSet<string>();
        var pending = new Stack<string>(_direct.GetValueOrDefault(name) ?? []);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in _direct.GetValueOrDefault(next) ?? [])
                {
                    pending.Push(further);
                }
            }
        }
        return _closure[name] = seen;
    }

    private static HashSet<string> Direct(Resource resource)
    {
        var names = new HashSet<string>(resource.Options.DependsOn.Select(d => d.Root));
        Collect(resource.Properties, names);
        return names;
    }

    private static void Collect(Value value, HashSet<string> names)
    {
        switch (value)
        {
            case Reference reference:
                names.Add(reference.Root);
                break;
            case Interpolation interpolation:
                interpolation.Parts.ToList().ForEach(part => Collect(part, names));
                break;
            case MapValue map:
                map.Entries.ToList().ForEach(entry => Collect(entry.Value, names));
                break;
            case ListValue list:
                list.Items.ToList().ForEach(item => Collect(item, names));
                break;
            case BuiltIn builtIn:
                Collect(builtIn.Argument, names);
                break;
        }
    }
}
