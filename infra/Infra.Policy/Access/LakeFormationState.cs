using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Access;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Access;

/// <summary>
/// Lake Formation as the program leaves it (Lake Formation Developer Guide: "Lake Formation permissions
/// reference", "Underlying data access control", "Granting data location permissions"): whether it governs the
/// catalog (data lake settings without IAMAllowedPrincipals defaults), its admins, the registered locations, the
/// LF-tags on databases and tables (tables inherit their database's), and every grant by tag expression, named
/// database or table, and data location.
/// </summary>
public sealed class LakeFormationState
{
    private readonly List<Grant> _grants = [];
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<string>>> _databaseTags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<string>>> _tableTags = new(StringComparer.Ordinal);

    /// <param name="accountWide">Lake Formation as the account stack leaves it (its settings are the account's), if the program is another stack's.</param>
    public LakeFormationState(PulumiProgram program, LakeFormationState? accountWide = null)
    {
        if (accountWide is not null)
        {
            Governs = accountWide.Governs;
            Admins = accountWide.Admins;
        }
        foreach (var resource in program.Resources)
        {
            switch (resource.Type)
            {
                case "aws:lakeformation:DataLakeSettings":
                    Governs = Input(resource, "createTableDefaultPermissions") is ListValue { Items.Count: 0 }
                        && Input(resource, "createDatabaseDefaultPermissions") is ListValue { Items.Count: 0 };
                    Admins = Input(resource, "admins") is ListValue admins ? [.. admins.Items.Select(Rendered.Of)] : [];
                    break;
                case "aws:lakeformation:Resource" when Input(resource, "arn") is { } arn && !IsTrue(resource, "hybridAccessEnabled"):
                    Registered.Add(Rendered.Of(arn));
                    break;
                case "aws-native:lakeformation:TagAssociation":
                    ReadTags(resource);
                    break;
                case "aws-native:lakeformation:PrincipalPermissions":
                    _grants.Add(Grant.Read(resource));
                    break;
                case "aws:glue:CatalogDatabase" when Text(resource, "name") is { } name && GrantsAllToIamAllowedPrincipals(Input(resource, "createTableDefaultPermissions")):
                    _iamTablesIn.Add(name);
                    break;
                case "aws:lakeformation:Permissions" when Text(resource, "principal") == IamAllowedPrincipals && Input(resource, "permissions") is ListValue { Items: [Text { Content: "ALL" }] }
                    && Input(resource, "database.name") is { } database:
                    _iamDatabases.Add(database is Reference named
                        ? program.Resources.FirstOrDefault(r => r.Name == named.Root) is { } target ? Text(target, "name") ?? "" : ""
                        : Rendered.Of(database));
                    break;
            }
        }
    }

    public const string IamAllowedPrincipals = "IAM_ALLOWED_PRINCIPALS";

    private readonly HashSet<string> _iamTablesIn = new(StringComparer.Ordinal);
    private readonly HashSet<string> _iamDatabases = new(StringComparer.Ordinal);

    /// <summary>Whether Lake Formation decides catalog access (new databases and tables grant nothing to IAMAllowedPrincipals).</summary>
    public bool Governs { get; private set; }

    /// <summary>
    /// Whether Lake Formation decides access to a database (table null) or a table: it governs the catalog, and the
    /// program has not left that database (ALL to IAMAllowedPrincipals on it) or the tables created in it (its default
    /// table permissions) to IAM, as a stack that does not use Lake Formation declares its own databases.
    /// </summary>
    public bool GovernsObject(string database, string? table) =>
        Governs && !(table is null ? _iamDatabases.Contains(database) : _iamTablesIn.Contains(database));

    private static bool GrantsAllToIamAllowedPrincipals(Value? defaults) =>
        defaults is ListValue list && list.Items.OfType<MapValue>().Any(entry =>
            entry.TryGet("principal", out var principal) && principal is MapValue who && who.TryGet("dataLakePrincipalIdentifier", out var id) && id is Text { Content: IamAllowedPrincipals }
            && entry.TryGet("permissions", out var permissions) && permissions is ListValue { Items: [Text { Content: "ALL" }] });

    public IReadOnlyList<string> Admins { get; private set; } = [];

    /// <summary>Registered locations (S3 ARNs) whose data Lake Formation vends credentials for.</summary>
    public List<string> Registered { get; } = [];

    /// <summary>The registered location holding <paramref name="location"/>, or null.</summary>
    public string? RegisteredLocationOf(string location) =>
        Registered.FirstOrDefault(r => location == r || location.StartsWith(r + "/", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="principal"/> holds <paramref name="permission"/> on a database (table null) or table.</summary>
    public bool Holds(string principal, string permission, string database, string? table)
    {
        // Data lake administrators may describe every resource of the catalog (Lake Formation's implicit permissions).
        if (permission == "DESCRIBE" && Admins.Contains(principal))
        {
            return true;
        }
        var tags = new Dictionary<string, IReadOnlyList<string>>(_databaseTags.GetValueOrDefault(database) ?? [], StringComparer.Ordinal);
        if (table is not null && _tableTags.TryGetValue($"{database}.{table}", out var own))
        {
            foreach (var (key, values) in own)
            {
                tags[key] = values;
            }
        }
        // Any permission on a database or table lets its holder describe it (Lake Formation's implicit DESCRIBE).
        return _grants.Any(g => g.Principal == principal && g.Covers(database, table, tags)
            && (g.Permissions.Contains(permission) || g.Permissions.Contains("ALL") || (permission == "DESCRIBE" && g.Permissions.Count > 0)));
    }

    /// <summary>Whether <paramref name="principal"/> may create catalog entries pointing into the registered <paramref name="location"/>.</summary>
    public bool HoldsDataLocation(string principal, string location) =>
        _grants.Any(g => g.Principal == principal && g.DataLocation == location && g.Permissions.Contains("DATA_LOCATION_ACCESS"));

    private void ReadTags(Resource resource)
    {
        var tags = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Input(resource, "lfTags") is ListValue pairs)
        {
            foreach (var pair in pairs.Items.OfType<MapValue>())
            {
                tags[Rendered.Of(pair["tagKey"])] = pair["tagValues"] is ListValue values ? [.. values.Items.Select(Rendered.Of)] : [];
            }
        }
        if (Text(resource, "resource.database.name") is { } database)
        {
            _databaseTags[database] = tags;
        }
        else if (Text(resource, "resource.table.databaseName") is { } tableDatabase && Text(resource, "resource.table.name") is { } table)
        {
            _tableTags[$"{tableDatabase}.{table}"] = tags;
        }
    }
}

/// <summary>One Lake Formation grant: to whom, on what (a tag expression, a database, a table or a data location), which permissions.</summary>
public sealed record Grant(string Resource, string Principal, IReadOnlyList<string> Permissions, string? ResourceType,
    IReadOnlyList<(string Key, IReadOnlyList<string> Values)> Expression, string? Database, string? Table, string? DataLocation)
{
    public static Grant Read(Resource resource)
    {
        var permissions = Input(resource, "permissions") is ListValue list ? list.Items.Select(Rendered.Of).ToList() : [];
        var expression = Input(resource, "resource.lfTagPolicy.expression") is ListValue pairs
            ? pairs.Items.OfType<MapValue>().Select(p => (Rendered.Of(p["tagKey"]), (IReadOnlyList<string>)(p["tagValues"] is ListValue v ? [.. v.Items.Select(Rendered.Of)] : []))).ToList()
            : [];
        return new Grant(resource.Name, Input(resource, "principal.dataLakePrincipalIdentifier") is { } p ? Rendered.Of(p) : "", permissions,
            Text(resource, "resource.lfTagPolicy.resourceType"), expression,
            Text(resource, "resource.database.name") ?? Text(resource, "resource.table.databaseName"),
            Text(resource, "resource.table.name") ?? (ProgramView.Input(resource, "resource.table.tableWildcard") is not null ? "*" : null),
            Input(resource, "resource.dataLocation.resourceArn") is { } location ? Rendered.Of(location) : null);
    }

    /// <summary>Whether the grant reaches a database (table null) or a table with the given effective tags.</summary>
    public bool Covers(string database, string? table, IReadOnlyDictionary<string, IReadOnlyList<string>> tags)
    {
        if (ResourceType is { } type)
        {
            // An LF-tag expression matches when every key's resource values meet the expression's values.
            var kindMatches = table is null ? type == "DATABASE" : type == "TABLE";
            return kindMatches && Expression.All(e => tags.TryGetValue(e.Key, out var values) && values.Any(e.Values.Contains));
        }
        if (Database != database)
        {
            return false;
        }
        return table is null ? Table is null : Table is "*" || Table == table;
    }
}
