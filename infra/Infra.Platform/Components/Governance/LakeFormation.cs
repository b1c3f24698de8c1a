using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Storage;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Iam;
using Infra.Providers.Aws.Lakeformation;
using Infra.Providers.AwsNative.Lakeformation;
using Infra.Providers.AwsNative.Lakeformation.Inputs;
using Pipelines.Declarations.Lakehouse;
using NativePermission = Infra.Providers.AwsNative.Lakeformation.PrincipalPermissionsPermission;

namespace Infra.Platform.Components.Governance;

/// <summary>
/// Lake Formation over the lakehouse, under the account's data lake settings (its admins, no IAMAllowedPrincipals
/// defaults: the account stack's, <see cref="Account.AccountWide"/>); bronze, silver and gold registered with a dedicated role;
/// LF-tags for layer, domain and sensitivity on the databases and tables; grants by tag expression:
/// ingestion writes bronze only, engineering curates silver and gold where it builds gold (and reads bronze), analysts select
/// gold only. Tags and grants come from aws-native, whose resources do not drift as the classic
/// provider's permissions do (docs/decisions.md).
/// </summary>
public static class LakeFormation
{
    public static readonly IReadOnlyList<string> Domains = ["sales", "events", "music"];

    public static LakeFormationResult Create(PlatformContext context, LakeFormationSettings settings, GlueCatalogResult catalog,
        IReadOnlyList<SilverDataset> datasets, LakehouseStorageResult storage, LakePrincipals principals, PersonaTargets personaTargets)
    {
        var scope = context.Scope(nameof(LakeFormation));
        var native = context.NativeScope(nameof(LakeFormation));
        var account = context.AccountId;

        var personas = PersonaRoles.Create(context, scope, settings, catalog, datasets, storage, personaTargets);
        var analyst = personas[Persona.Analyst];
        var engineer = personas[Persona.DataEngineer];

        // The deployer administers the lake through the account's settings, which exist before any stack that uses them.
        var governed = ResourceOptions.None;

        var access = scope.Add("lake-data-access-role", new RoleArgs
        {
            Name = context.AccountWideName("lake-data-access"),
            AssumeRolePolicy = new PolicyDocument([ServiceTrust.OfThisAccount(context, "lakeformation")]).ToJson(),
        });
        var layers = new Dictionary<string, BucketResult> { ["bronze"] = storage.Bronze, ["silver"] = storage.Silver, ["gold"] = storage.Gold };
        scope.Add("lake-data-access-permissions", new RolePolicyArgs
        {
            Role = access.Attr("id"),
            Policy = new PolicyDocument(
            [
                .. layers.Values.SelectMany(bucket => bucket.ReadAll()),
                .. layers.Values.Select(bucket => bucket.WriteAll()),
                PolicyStatement.Allow("DeleteReplacedObjects", ["s3:DeleteObject"], [.. layers.Values.Select(bucket => Fn.Interpolate($"{bucket.Arn}/*"))]),
                context.RequireKey().UseThrough("s3"),
            ]).ToJson(),
        });
        // Lake Formation assumes this role to vend credentials for the registered layers' data.
        context.Actors.Add(new Actor("Lake Formation data access", new RolePrincipal(access.Name),
        [
            .. layers.Values.SelectMany(bucket => new Call[]
            {
                new ApiCall("s3:ListBucket", bucket.Arn),
                new ApiCall("s3:GetBucketLocation", bucket.Arn),
                // Engines write large objects in parts with the vended credentials and abandon them on failure.
                new ApiCall("s3:AbortMultipartUpload", Fn.Interpolate($"{bucket.Arn}/table/part-00000")),
                new ApiCall("s3:GetObject", Fn.Interpolate($"{bucket.Arn}/table/part-00000")),
                new ApiCall("s3:PutObject", Fn.Interpolate($"{bucket.Arn}/table/part-00000")),
                new ApiCall("s3:DeleteObject", Fn.Interpolate($"{bucket.Arn}/table/part-00000")),
            }),
        ]));
        var locations = new Dictionary<string, Resource>();
        foreach (var (layer, bucket) in layers)
        {
            locations[layer] = scope.Add($"{layer}-lake-location", new ResourceArgs { Arn = bucket.Arn, RoleArn = access.Attr("arn"), HybridAccessEnabled = false }, governed);
        }

        var layerTag = TagKey(context, "layer");
        var domainTag = TagKey(context, "domain");
        var sensitivityTag = TagKey(context, "sensitivity");
        var tags = new Dictionary<string, Resource>
        {
            [layerTag] = native.Add("layer-tag", new TagArgs { CatalogId = account, TagKey = layerTag, TagValues = [.. GlueCatalog.Layers] }, governed),
            [domainTag] = native.Add("domain-tag", new TagArgs { CatalogId = account, TagKey = domainTag, TagValues = [.. Domains] }, governed),
            [sensitivityTag] = native.Add("sensitivity-tag", new TagArgs
            {
                CatalogId = account, TagKey = sensitivityTag, TagValues = [.. Enum.GetNames<Sensitivity>().Select(name => name.ToLowerInvariant())],
            }, governed),
        };
        ResourceOptions After(params string[] keys) => new() { DependsOn = [.. keys.Select(key => tags[key].Self)] };

        foreach (var layer in GlueCatalog.Layers)
        {
            native.Add($"{layer}-database-tags", new TagAssociationArgs
            {
                Resource = new TagAssociationResourceArgs { Database = new TagAssociationDatabaseResourceArgs { CatalogId = account, Name = catalog.Databases[layer] } },
                LfTags = [new TagAssociationLfTagPairArgs { CatalogId = account, TagKey = layerTag, TagValues = [layer] }],
            }, After(layerTag));
        }
        foreach (var dataset in datasets)
        {
            foreach (var layer in new[] { "bronze", "silver" })
            {
                native.Add($"{layer}-{dataset.Name}-table-tags", new TagAssociationArgs
                {
                    Resource = new TagAssociationResourceArgs { Table = new TagAssociationTableResourceArgs { CatalogId = account, DatabaseName = catalog.Databases[layer], Name = dataset.Name } },
                    LfTags =
                    [
                        new TagAssociationLfTagPairArgs { CatalogId = account, TagKey = domainTag, TagValues = [dataset.Domain] },
                        new TagAssociationLfTagPairArgs { CatalogId = account, TagKey = sensitivityTag, TagValues = [dataset.Sensitivity.ToString().ToLowerInvariant()] },
                    ],
                }, After(domainTag, sensitivityTag, layerTag));
            }
        }

        var grants = new List<LakeGrant>();
        void Grant(string name, Value principal, string[] tableLayers, NativePermission[] tablePermissions, NativePermission[] databasePermissions)
        {
            foreach (var (kind, permissions) in new[] { (PrincipalPermissionsResourceType.Table, tablePermissions), (PrincipalPermissionsResourceType.Database, databasePermissions) })
            {
                if (permissions.Length == 0)
                {
                    continue;
                }
                var suffix = kind == PrincipalPermissionsResourceType.Table ? "tables" : "databases";
                native.Add($"{name}-{suffix}-grant", new PrincipalPermissionsArgs
                {
                    Principal = new PrincipalPermissionsDataLakePrincipalArgs { DataLakePrincipalIdentifier = principal },
                    Resource = new PrincipalPermissionsResourceArgs
                    {
                        LfTagPolicy = new PrincipalPermissionsLfTagPolicyResourceArgs
                        {
                            CatalogId = account,
                            ResourceType = kind,
                            Expression = [new PrincipalPermissionsLfTagArgs { TagKey = layerTag, TagValues = [.. tableLayers] }],
                        },
                    },
                    Permissions = [.. permissions],
                    PermissionsWithGrantOption = [],
                }, After(layerTag));
                grants.Add(new LakeGrant(name, suffix, tableLayers, [.. permissions.Select(p => p.Name)]));
            }
        }
        void LocationGrant(string name, Value principal, string layer)
        {
            native.Add($"{name}-{layer}-location-grant", new PrincipalPermissionsArgs
            {
                Principal = new PrincipalPermissionsDataLakePrincipalArgs { DataLakePrincipalIdentifier = principal },
                Resource = new PrincipalPermissionsResourceArgs
                {
                    DataLocation = new PrincipalPermissionsDataLocationResourceArgs { CatalogId = account, ResourceArn = layers[layer].Arn },
                },
                Permissions = [NativePermission.DataLocationAccess],
                PermissionsWithGrantOption = [],
            }, new ResourceOptions { DependsOn = [locations[layer].Self] });
            grants.Add(new LakeGrant(name, "data location", [layer], [NativePermission.DataLocationAccess.Name]));
        }
        NativePermission[] read = [NativePermission.Select, NativePermission.Describe];
        NativePermission[] write = [NativePermission.Select, NativePermission.Insert, NativePermission.Delete, NativePermission.Alter, NativePermission.Describe];
        NativePermission[] curate = [.. write, NativePermission.Drop];
        for (var i = 0; i < principals.Ingestion.Count; i++)
        {
            Grant($"ingestion-{i + 1}", principals.Ingestion[i], ["bronze"], write, [NativePermission.Describe]);
        }
        var engineering = principals.Engineering.Append(new LakeCurator(engineer.Attr("arn"), ["silver", "gold"], ["silver", "gold"])).ToList();
        for (var i = 0; i < engineering.Count; i++)
        {
            Grant($"engineering-{i + 1}", engineering[i].Role, [.. engineering[i].Layers], curate, [NativePermission.CreateTable, NativePermission.Describe]);
            Grant($"engineering-{i + 1}-bronze", engineering[i].Role, ["bronze"], read, []);
            // A CTAS creates its table at a new location in the registered gold layer: Lake Formation asks for data location access there.
            foreach (var layer in engineering[i].CreatesTablesIn ?? [])
            {
                LocationGrant($"engineering-{i + 1}", engineering[i].Role, layer);
            }
        }
        var crawlers = principals.Crawlers ?? [];
        for (var i = 0; i < crawlers.Count; i++)
        {
            // A crawler creates and updates the tables it infers over bronze's registered location.
            Grant($"crawler-{i + 1}", crawlers[i], ["bronze"], [NativePermission.Alter, NativePermission.Describe], [NativePermission.CreateTable, NativePermission.Describe]);
            LocationGrant($"crawler-{i + 1}", crawlers[i], "bronze");
        }
        Grant("analyst", analyst.Attr("arn"), ["gold"], read, [NativePermission.Describe]);

        context.Output(analyst.Attr("arn"), "analyst", "RoleArn");
        context.Output(engineer.Attr("arn"), "data", "engineer", "RoleArn");
        return new LakeFormationResult(grants);
    }

    /// <summary>LF-tag keys are one namespace per account: the stack's prefix keeps stacks sharing an account apart.</summary>
    public static string TagKey(PlatformContext context, string name) => $"{context.NamePrefix}-{name}".Replace('-', '_');
}

/// <summary>A grant by LF-tag expression, as a plain record for tests and the summary.</summary>
public sealed record LakeGrant(string Principal, string On, IReadOnlyList<string> Layers, IReadOnlyList<string> Permissions);

public sealed record LakeFormationResult(IReadOnlyList<LakeGrant> Grants);
