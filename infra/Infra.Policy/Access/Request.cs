namespace Infra.Policy.Access;

/// <summary>One request AWS authorizes for a call: an API action on a resource, or a Lake Formation permission.</summary>
/// <param name="Via">The service making the request for the caller (<c>kms:ViaService</c>), when one does.</param>
public abstract record Request(string Because)
{
    public abstract string Describe();
}

public sealed record ApiRequest(string Action, string Resource, string? Via, IReadOnlyDictionary<string, string> Context, string Because) : Request(Because)
{
    public override string Describe() => Via is null ? $"{Action} on {Resource}" : $"{Action} on {Resource} via {Via}";
}

/// <summary>A Lake Formation permission on a database (Table null) or table.</summary>
public sealed record LakePermissionRequest(string Permission, string Database, string? Table, string Because) : Request(Because)
{
    public override string Describe() => $"Lake Formation {Permission} on {Database}{(Table is null ? "" : "." + Table)}";
}

/// <summary>Lake Formation DATA_LOCATION_ACCESS on a registered location.</summary>
public sealed record DataLocationRequest(string Location, string Because) : Request(Because)
{
    public override string Describe() => $"Lake Formation DATA_LOCATION_ACCESS on {Location}";
}
