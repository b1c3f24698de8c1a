using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Components.Encryption;
using Infra.Platform.Components.Governance;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Glue;
using Infra.Providers.Aws.Glue.Inputs;
using Infra.Providers.Aws.Iam;
using Infra.Providers.Aws.Lakeformation;

namespace Infra.Platform.Components.Account;

/// <summary>
/// What AWS keeps once per account and region, owned by the account stack so that stacks sharing an account
/// neither overwrite it nor take it with them when destroyed: the Data Catalog's encryption (with the account
/// stack's key, which is never scheduled for deletion while catalog objects are encrypted under it) and Lake
/// Formation's data lake settings (its administrators, and no IAMAllowedPrincipals defaults) with the lake-admin role.
/// </summary>
public static class AccountWide
{
    /// <summary>The account stack's name; other stacks find its key by the alias this name gives it.</summary>
    public const string Stack = "account";

    public const string CatalogEncryptionResource = "catalog-encryption";
    public const string LakeSettingsResource = "data-lake-settings";

    /// <summary>The variable through which a stack reads the account's catalog key.</summary>
    public const string CatalogKeyVariable = "accountCatalogKeyArn";

    public const string GetAliasFunction = "aws:kms/getAlias:getAlias";

    /// <summary>The alias of the key the account's catalog is encrypted with: the account stack's data key.</summary>
    public static string CatalogKeyAlias(string project) => EncryptionKey.AliasOf($"{project}-{Stack}");

    public static void Create(PlatformContext context, AccountWideSettings settings)
    {
        var scope = context.Scope(nameof(AccountWide));
        var key = context.RequireKey();
        var catalogKey = new CatalogKey(key.KeyArn, context.Partition, context.Region);
        scope.Add(CatalogEncryptionResource, new DataCatalogEncryptionSettingsArgs
        {
            DataCatalogEncryptionSettings = new DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsArgs
            {
                EncryptionAtRest = new DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsEncryptionAtRestArgs { CatalogEncryptionMode = "SSE-KMS", SseAwsKmsKeyId = key.KeyArn },
                ConnectionPasswordEncryption = new DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsConnectionPasswordEncryptionArgs { ReturnConnectionPasswordEncrypted = true, AwsKmsKeyId = key.KeyArn },
            },
        }, context.DataOptions());

        var admin = scope.Add($"{Persona.LakeAdmin.Name}-role", new RoleArgs
        {
            Name = context.AccountWideName(Persona.LakeAdmin.Name),
            Description = Persona.LakeAdmin.Description,
            AssumeRolePolicy = new PolicyDocument([PersonaRoles.Trust(context, settings.LakeAdminPrincipal, Persona.LakeAdmin)]).ToJson(),
        });
        Value anyDatabase = context.Arn("glue", "database/*");
        Value anyTable = context.Arn("glue", "table/*/*");
        scope.Add($"{Persona.LakeAdmin.Name}-permissions", new RolePolicyArgs
        {
            Role = admin.Attr("id"),
            Policy = new PolicyDocument(
            [
                PolicyStatement.Allow("AdministerLakeFormation", PersonaRoles.AdministerActions, "*"),
                PolicyStatement.Allow("BrowseTheCatalog", PersonaRoles.BrowseActions, context.Arn("glue", "catalog"), anyDatabase, anyTable),
                catalogKey.UseForTheCatalog(),
            ]).ToJson(),
        });
        context.Actors.Add(new Actor(Persona.LakeAdmin.Name, new RolePrincipal(admin.Name),
        [
            .. PersonaRoles.AdministerActions.Select(action => new ApiCall(action, "*")),
            .. PersonaRoles.BrowseActions.Select(action => new ApiCall(action, action.EndsWith("Table", StringComparison.Ordinal) || action.EndsWith("Partitions", StringComparison.Ordinal)
                ? context.Arn("glue", "table/any_database/any_table") : context.Arn("glue", "database/any_database"))),
        ]));

        // Whoever deploys the account stack administers the lake, and so do the roles that deploy governed stacks.
        var deployer = context.Program.AddVariable("deployerRoleArn", Fn.Invoke("aws:iam/getSessionContext:getSessionContext",
            new MapValue { ["arn"] = Fn.Invoke(Provider.AwsProvider.CallerIdentityFunction, new MapValue(), returnField: "arn", provider: context.Provider) },
            returnField: "issuerArn", provider: context.Provider));
        scope.Add(LakeSettingsResource, new DataLakeSettingsArgs
        {
            Admins = [deployer, admin.Attr("arn"), .. settings.LakeAdmins.Select(arn => (Value)arn)],
            // Empty defaults: new databases and tables grant nothing to IAMAllowedPrincipals.
            CreateDatabaseDefaultPermissions = [],
            CreateTableDefaultPermissions = [],
        }, context.DataOptions());

        context.Output(key.KeyArn, "catalog", "KeyArn");
        context.Output(admin.Attr("arn"), "lake", "admin", "RoleArn");
    }

    /// <summary>
    /// In any other stack: the account's catalog key, read by its alias when the stack is previewed, so a stack
    /// deployed before its account stack stops at preview with the alias named instead of failing at run time.
    /// </summary>
    public static CatalogKey Lookup(PlatformContext context, string project)
    {
        var arn = context.Program.AddVariable(CatalogKeyVariable,
            Fn.Invoke(GetAliasFunction, new MapValue { ["name"] = CatalogKeyAlias(project) }, returnField: "targetKeyArn", provider: context.Provider));
        return new CatalogKey(arn, context.Partition, context.Region);
    }
}
