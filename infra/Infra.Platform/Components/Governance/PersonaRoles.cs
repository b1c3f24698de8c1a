using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Storage;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Iam;
using Pipelines.Declarations.Lakehouse;

namespace Infra.Platform.Components.Governance;

/// <summary>What the personas work on: the workgroup they query in, and the tables of each layer.</summary>
/// <param name="GoldTables">The gold tables in the gold database (views and tables kept elsewhere aside).</param>
public sealed record PersonaTargets(Value WorkgroupArn, IReadOnlyList<string> GoldTables);

/// <summary>
/// The roles people assume: each trusts only the principals the stack names for it (or its IAM Identity Center
/// permission set), through the account with a condition on the caller's ARN, and may do its job end to end:
/// the analyst queries gold in the workgroup and reads the results; the data engineer also reads silver and
/// bronze and creates, replaces and drops silver and gold tables. Their data access itself is Lake Formation's (see
/// <see cref="LakeFormation"/>). The lake admin administers the whole account's lake: the account stack holds that role.
/// </summary>
public static class PersonaRoles
{
    public static readonly IReadOnlyList<string> QueryActions =
        ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup",
            "athena:ListNamedQueries", "athena:GetNamedQuery", "athena:BatchGetNamedQuery"];

    public static readonly IReadOnlyList<string> BrowseActions = ["glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartitions"];

    public static readonly IReadOnlyList<string> CurateActions = ["glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable", "glue:BatchDeletePartition"];

    /// <summary>Lake Formation administration; its actions take no resource-level permissions.</summary>
    public static IReadOnlyList<string> AdministerActions => WildcardResourceActions.LakeFormationAdministration;

    public static IReadOnlyDictionary<Persona, Resource> Create(PlatformContext context, ComponentScope scope, LakeFormationSettings settings,
        GlueCatalogResult catalog, IReadOnlyList<SilverDataset> datasets, LakehouseStorageResult storage, PersonaTargets targets)
    {
        var key = context.RequireKey();
        var catalogKey = context.RequireCatalogKey();
        Value Database(string layer) => context.Arn("glue", $"database/{catalog.Databases[layer]}");
        Value Tables(string layer) => context.Arn("glue", $"table/{catalog.Databases[layer]}/*");
        var catalogArn = context.Arn("glue", "catalog");
        List<PolicyStatement> Query(params string[] layers) =>
        [
            PolicyStatement.Allow("QueryInTheStacksWorkgroup", QueryActions, targets.WorkgroupArn),
            PolicyStatement.Allow("BrowseTheCatalog", BrowseActions, [catalogArn, .. layers.SelectMany(layer => new[] { Database(layer), Tables(layer) })]),
            .. storage.AthenaResults.ReadAll(),
            storage.AthenaResults.WriteAll(),
            key.UseThrough("s3"),
            catalogKey.UseForTheCatalog(),
            PolicyStatement.Allow("GetDataAccessThroughLakeFormation", [WildcardResourceActions.LakeFormationGetDataAccess], "*"),
        ];
        var grants = new Dictionary<Persona, IReadOnlyList<PolicyStatement>>
        {
            [Persona.Analyst] = Query("gold"),
            [Persona.DataEngineer] =
            [
                .. Query("bronze", "silver", "gold"),
                PolicyStatement.Allow("CurateSilverAndGoldTables", CurateActions, catalogArn, Database("silver"), Tables("silver"), Database("gold"), Tables("gold")),
            ],
        };
        var roles = new Dictionary<Persona, Resource>();
        foreach (var persona in Persona.OfAStack)
        {
            var role = scope.Add($"{persona.Name}-role", new RoleArgs
            {
                Name = context.AccountWideName(persona.Name),
                Description = persona.Description,
                AssumeRolePolicy = new PolicyDocument([Trust(context, settings.PersonaPrincipals.GetValueOrDefault(persona.Name), persona)]).ToJson(),
            });
            scope.Add($"{persona.Name}-permissions", new RolePolicyArgs { Role = role.Attr("id"), Policy = new PolicyDocument(grants[persona]).ToJson() });
            roles[persona] = role;
        }
        var gold = catalog.Databases["gold"];
        var silver = catalog.Databases["silver"];
        IEnumerable<Call> Queries() =>
        [
            .. QueryActions.Select(action => new ApiCall(action, targets.WorkgroupArn)),
            .. storage.AthenaResults.Reads("results"),
            .. storage.AthenaResults.Writes("results"),
            new ApiCall("s3:GetBucketLocation", storage.AthenaResults.Arn),
            new ApiCall("s3:AbortMultipartUpload", Fn.Interpolate($"{storage.AthenaResults.Arn}/results/query.csv")),
            .. BrowseActions.Select(action => new ApiCall(action, context.Arn("glue", $"database/{gold}"))),
        ];
        var goldReads = targets.GoldTables.Select(table => (Call)new TableRead(gold, table, Fn.Interpolate($"{storage.Gold.Arn}/{table}/"))).ToList();
        context.Actors.Add(new Actor(Persona.Analyst.Name, new RolePrincipal(roles[Persona.Analyst].Name), [.. Queries(), .. goldReads]));
        context.Actors.Add(new Actor(Persona.DataEngineer.Name, new RolePrincipal(roles[Persona.DataEngineer].Name),
        [
            .. Queries(),
            .. goldReads,
            .. datasets.Select(dataset => new TableRead(silver, dataset.Name, Fn.Interpolate($"{storage.Silver.Arn}/{dataset.Name}/"))),
            new TableWrite(gold, "engineering_scratch", Fn.Interpolate($"{storage.Gold.Arn}/engineering_scratch/"), TableChange.Create),
            new TableWrite(gold, "engineering_scratch", null, TableChange.Drop),
            new TableWrite(gold, "engineering_view", null, TableChange.Replace),
            .. datasets.Take(1).Select(dataset => new TableWrite(silver, $"{dataset.Name}_backfill", Fn.Interpolate($"{storage.Silver.Arn}/{dataset.Name}_backfill/"), TableChange.Create)),
        ]));
        return roles;
    }

    /// <summary>Through the account (so a role that does not exist yet is no error), only for the callers the stack names (<paramref name="named"/>, or the persona's permission set).</summary>
    internal static PolicyStatement Trust(PlatformContext context, string? named, Persona persona) => new()
    {
        Sid = PascalCase.Of("NamedPrincipalsAssumeThe", persona.Name, "Role"),
        Effect = PolicyEffect.Allow,
        Principal = new MapValue { ["AWS"] = context.GlobalArn("iam", "root") },
        Actions = ["sts:AssumeRole"],
        Resources = [],
        Conditions =
        [
            ("ArnLike", "aws:PrincipalArn", named is not null ? (Value)named : DefaultPrincipal(context, persona)),
        ],
    };

    /// <summary>
    /// The account's IAM Identity Center roles of the persona's permission set: Identity Center names them
    /// <c>aws-reserved/sso.amazonaws.com/…/AWSReservedSSO_{set}_{suffix}</c>, the suffix unknown in advance.
    /// </summary>
    private static Value DefaultPrincipal(PlatformContext context, Persona persona) =>
        Fn.Interpolate($"arn:{context.Partition.Name}:iam::{context.AccountId}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_{persona.PermissionSet}_*");
}
