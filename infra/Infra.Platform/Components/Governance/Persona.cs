namespace Infra.Platform.Components.Governance;

/// <summary>A kind of person who works with the lake through a role of the stack.</summary>
/// <param name="Name">The role's name suffix and the actor's name.</param>
/// <param name="PermissionSet">The IAM Identity Center permission set whose users assume the role unless the stack names other principals.</param>
public sealed record Persona(string Name, string Description, string PermissionSet)
{
    public static readonly Persona Analyst = new("analyst", "Queries gold through the stack's workgroup", "DataPlatformAnalyst");
    public static readonly Persona DataEngineer = new("data-engineer", "Queries and curates silver and gold", "DataPlatformEngineer");
    /// <summary>One per account: the account stack holds its role (Lake Formation's administrators are account-wide).</summary>
    public static readonly Persona LakeAdmin = new("lake-admin", "Administers Lake Formation for the account", "DataPlatformLakeAdmin");

    /// <summary>The personas a governed stack has roles for.</summary>
    public static readonly IReadOnlyList<Persona> OfAStack = [Analyst, DataEngineer];
}
